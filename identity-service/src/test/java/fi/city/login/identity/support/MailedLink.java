package fi.city.login.identity.support;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.PasswordResetRequested.Purpose;

import java.time.Instant;

/**
 * A password-link event as notification-service receives it: the event, its token opened with the
 * (local-only) private key that only notification-service holds in production, and the trace it carries.
 */
public record MailedLink(PasswordResetRequested event, String token, String traceParent) {

    public Purpose purpose() {
        return event.purpose();
    }

    public String locale() {
        return event.locale();
    }

    public String email() {
        return event.email();
    }

    public String displayName() {
        return event.displayName();
    }

    public Instant expiresAt() {
        return event.expiresAt();
    }
}
