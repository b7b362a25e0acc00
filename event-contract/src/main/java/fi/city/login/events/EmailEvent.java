package fi.city.login.events;

import java.util.UUID;

/** An event that becomes one email; the consumer deduplicates on {@link #eventId}. */
public interface EmailEvent {

    UUID eventId();

    /** The account the email is about; null when the address has no account ({@link NoAccountNotice}). */
    UUID accountId();

    /** The address to send to. */
    String email();

    /** fi, sv or en. */
    String locale();
}
