package fi.city.login.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Version 1 of the event on topic {@value #TOPIC}: one event per password link to send.
 *
 * <p>The raw {@code token} exists only in this event and in the email built from it: the topic's
 * retention must not exceed the longest token lifetime, and the event is never logged. It carries no
 * password and no token hash.
 *
 * @param eventId     unique per event; the consumer deduplicates on it
 * @param version     schema version of this record, {@value #VERSION}
 * @param accountId   the account's stable id
 * @param email       the address to send to, which is also the username shown in the email
 * @param displayName the resident's name, for the greeting
 * @param locale      fi, sv or en
 * @param purpose     why the link is sent
 * @param token       the raw single-use token that goes into the link
 * @param expiresAt   when the link stops working
 * @param occurredAt  when the request was made
 */
public record PasswordResetRequested(
        UUID eventId,
        int version,
        UUID accountId,
        String email,
        String displayName,
        String locale,
        Purpose purpose,
        String token,
        Instant expiresAt,
        Instant occurredAt) implements AccountEmailEvent {

    public static final String TOPIC = "password-reset-requested";
    public static final int VERSION = 1;

    /** Why a password link is sent; it picks the wording of the email. */
    public enum Purpose {
        /** An account carried over from the old system sets its first password. */
        FIRST_LOGIN,
        /** An active account forgot its password. */
        FORGOTTEN_PASSWORD,
        /** A newly registered account sets its first password. */
        NEW_ACCOUNT
    }

    @Override
    public String toString() {
        // The token must never reach a log line through an accidental toString().
        return "PasswordResetRequested[eventId=" + eventId + ", accountId=" + accountId + ", purpose=" + purpose
                + ", locale=" + locale + ", expiresAt=" + expiresAt + "]";
    }
}
