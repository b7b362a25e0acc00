package fi.city.login.notification.messaging;

import fi.city.login.events.PasswordChanged;
import fi.city.login.notification.email.PasswordChangedEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Tells the owner of an account, once per event, that its password was changed. */
@ApplicationScoped
public class PasswordChangedConsumer {

    private final EmailOnce emailOnce;
    private final PasswordChangedEmail email;

    public PasswordChangedConsumer(EmailOnce emailOnce, PasswordChangedEmail email) {
        this.emailOnce = emailOnce;
        this.email = email;
    }

    @Incoming(PasswordChanged.TOPIC)
    public Uni<Void> onEvent(String payload) {
        PasswordChanged event = emailOnce.read(payload, PasswordChanged.class,
                e -> e.version() == PasswordChanged.VERSION && e.accountId() != null && e.changedAt() != null);
        return emailOnce.deliver(event, "PASSWORD_CHANGED", null, email::send);
    }
}
