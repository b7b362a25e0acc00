package fi.city.login.events;

import java.util.UUID;

/** An event that becomes one email to the account's address; the consumer deduplicates on {@link #eventId}. */
public interface AccountEmailEvent {

    UUID eventId();

    UUID accountId();

    String email();

    /** fi, sv or en. */
    String locale();
}
