package fi.city.login.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Version 1 of the event on topic {@value #TOPIC}: someone asked to log in or for a password link with an
 * address that has no account, while identity-service hides which addresses have one. The screen could not
 * say so; the email does, to the mailbox's owner alone, so that a resident who typed their own address is
 * not left waiting for a link that never comes.
 *
 * @param eventId    unique per event; the consumer deduplicates on it
 * @param version    schema version of this record, {@value #VERSION}
 * @param email      the address that has no account
 * @param locale     fi, sv or en: the language of the page the request came from
 * @param asked      what was asked for; it picks the wording
 * @param occurredAt when the request was made
 */
public record NoAccountNotice(
        UUID eventId,
        int version,
        String email,
        String locale,
        Asked asked,
        Instant occurredAt) implements EmailEvent {

    public static final String TOPIC = "no-account-notice";
    public static final int VERSION = 1;

    /** What the one who typed the address asked for. */
    public enum Asked {
        /** The identifier step of login. */
        LOGIN,
        /** "Forgot your password?". */
        PASSWORD_LINK
    }

    @Override
    public UUID accountId() {
        return null;
    }
}
