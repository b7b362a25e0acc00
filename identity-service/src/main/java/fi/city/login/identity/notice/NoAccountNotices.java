package fi.city.login.identity.notice;

import fi.city.login.events.NoAccountNotice;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.account.Locales;
import fi.city.login.identity.bruteforce.EmailRequestLimit;
import fi.city.login.identity.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * While unknown addresses are hidden, an address without an account learns so by email, never on the screen:
 * the one who typed it sees the same answer as for a known address, and only the mailbox's owner reads
 * that it has no account. Within the caps of {@link EmailRequestLimit}, per client address and per
 * recipient. Runs in the caller's transaction; the event leaves through the outbox.
 */
@ApplicationScoped
public class NoAccountNotices {

    private final EmailRequestLimit emailLimit;
    private final OutboxWriter outbox;

    public NoAccountNotices(EmailRequestLimit emailLimit, OutboxWriter outbox) {
        this.emailLimit = emailLimit;
        this.outbox = outbox;
    }

    /** Call only once the request has been counted against its client address. */
    public Uni<Void> send(EmailAddress email, String locale, NoAccountNotice.Asked asked, Instant now) {
        return emailLimit.allowNoAccountNotice(email, now).flatMap(allowed -> {
            if (!allowed) {
                return Uni.createFrom().voidItem();
            }
            UUID eventId = UUID.randomUUID();
            NoAccountNotice notice = new NoAccountNotice(eventId, NoAccountNotice.VERSION, email.display(),
                    Locales.supportedOrDefault(locale), asked, now);
            // Keyed by the event, not the address: the key is stored in the topic in the clear.
            return outbox.add(eventId, NoAccountNotice.TOPIC, eventId.toString(), notice, now);
        });
    }
}
