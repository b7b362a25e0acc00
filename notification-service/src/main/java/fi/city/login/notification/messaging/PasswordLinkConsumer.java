package fi.city.login.notification.messaging;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.notification.email.PasswordLinkEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Sends one email per {@code password-reset-requested} event, effectively once (see {@link EmailOnce}).
 * A link that expired before it could be sent is not mailed.
 */
@ApplicationScoped
public class PasswordLinkConsumer {

    private final EmailOnce emailOnce;
    private final PasswordLinkEmail email;

    public PasswordLinkConsumer(EmailOnce emailOnce, PasswordLinkEmail email) {
        this.emailOnce = emailOnce;
        this.email = email;
    }

    @Incoming(PasswordResetRequested.TOPIC)
    public Uni<Void> onEvent(String payload) {
        PasswordResetRequested event = emailOnce.read(payload, PasswordResetRequested.class,
                e -> e.version() == PasswordResetRequested.VERSION && e.purpose() != null && e.token() != null
                        && !e.token().isBlank() && e.expiresAt() != null);
        return emailOnce.deliver(event, event.purpose().name(), event.expiresAt(), email::send);
    }
}
