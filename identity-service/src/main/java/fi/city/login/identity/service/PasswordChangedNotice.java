package fi.city.login.identity.service;

import fi.city.login.events.PasswordChanged;
import fi.city.login.identity.domain.Account;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/** Tells the owner by email, in the transaction of the change, that the account's password changed. */
@ApplicationScoped
public class PasswordChangedNotice {

    private final OutboxWriter outbox;

    public PasswordChangedNotice(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> announce(Account account, Instant now) {
        UUID eventId = UUID.randomUUID();
        PasswordChanged event = new PasswordChanged(eventId, PasswordChanged.VERSION, account.id, account.email,
                account.displayName, Locales.supportedOrDefault(account.locale), now);
        return outbox.add(eventId, PasswordChanged.TOPIC, account.id.toString(), event, now);
    }
}
