package fi.city.login.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Version 1 of the event on topic {@value #TOPIC}: an active account's password was changed, so its
 * owner is told by email — if it was not them, they know at once to act. Not sent when a migrated or new
 * account sets its first password.
 *
 * @param eventId     unique per event; the consumer deduplicates on it
 * @param version     schema version of this record, {@value #VERSION}
 * @param accountId   the account's stable id
 * @param email       the address to tell, which is also the username
 * @param displayName the resident's name
 * @param locale      fi, sv or en
 * @param changedAt   when the password changed
 */
public record PasswordChanged(
        UUID eventId,
        int version,
        UUID accountId,
        String email,
        String displayName,
        String locale,
        Instant changedAt) implements EmailEvent {

    public static final String TOPIC = "password-changed";
    public static final int VERSION = 1;
}
