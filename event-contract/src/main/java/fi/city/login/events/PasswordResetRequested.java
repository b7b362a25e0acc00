package fi.city.login.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Version 2 of the event on topic {@value #TOPIC}: one event per password link to send (a first-login,
 * forgotten-password or new-account link: the topic keeps the name it was promised under).
 *
 * <p>The link's token is sealed ({@link SealedToken}) to a key that only notification-service holds, so
 * nothing in the topic, its dead-letter topic, logs or backups sets a password. Version 1 carried the
 * raw token; consumers refuse it. It carries no password and no token hash.
 *
 * @param eventId     unique per event; the consumer deduplicates on it
 * @param version     schema version of this record, {@value #VERSION}
 * @param accountId   the account's stable id
 * @param email       the address to send to, which is also the username shown in the email
 * @param displayName the resident's name, for the greeting
 * @param locale      fi, sv or en
 * @param purpose     why the link is sent
 * @param sealedToken the single-use token that goes into the link, sealed to notification-service
 * @param expiresAt   when the link stops working
 * @param occurredAt  when the request was made (for a new-browser notice: when that browser logged in)
 * @param browser     a new-browser notice's browser (its User-Agent, at most 300 characters); null for the other
 *                    purposes. Added 2026-12-08 as an optional member: deploy notification-service first
 */
public record PasswordResetRequested(
        UUID eventId,
        int version,
        UUID accountId,
        String email,
        String displayName,
        String locale,
        Purpose purpose,
        String sealedToken,
        Instant expiresAt,
        Instant occurredAt,
        String browser) implements EmailEvent {

    public static final String TOPIC = "password-reset-requested";
    public static final int VERSION = 2;

    /** What the link's token is sealed with ({@link SealedToken}): it opens for this email and no other. */
    public static String sealBinding(UUID accountId, String email, Purpose purpose, Instant expiresAt) {
        return String.join("\n", TOPIC, String.valueOf(accountId), String.valueOf(email).toLowerCase(java.util.Locale.ROOT),
                String.valueOf(purpose), String.valueOf(expiresAt));
    }

    public String sealBinding() {
        return sealBinding(accountId, email, purpose, expiresAt);
    }

    /** Why the email is sent; it picks the wording of the email. */
    public enum Purpose {
        /** An account carried over from the old system sets its first password. */
        FIRST_LOGIN,
        /** An active account forgot its password. */
        FORGOTTEN_PASSWORD,
        /** A newly registered account sets its first password. */
        NEW_ACCOUNT,
        /**
         * Not a link but a one-time code, typed on the page with the password: the way in for a new browser
         * while the account is paused for unknown browsers (too many wrong passwords). The token is the code.
         * Added 2026-12-07: deploy notification-service before identity-service.
         */
        LOGIN_CODE,
        /**
         * A login from a browser the account did not know: the owner is told when and with what, and the link
         * sets a new password (which ends every session) if it was not them. Added 2026-12-08: deploy
         * notification-service before identity-service.
         */
        NEW_BROWSER
    }

    @Override
    public String toString() {
        // Even sealed, the token has no business in a log line.
        return "PasswordResetRequested[eventId=" + eventId + ", accountId=" + accountId + ", purpose=" + purpose
                + ", locale=" + locale + ", expiresAt=" + expiresAt + "]";
    }
}
