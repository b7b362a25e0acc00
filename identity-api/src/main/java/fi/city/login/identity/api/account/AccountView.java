package fi.city.login.identity.api.account;

import java.util.List;
import java.util.UUID;

/**
 * What the API tells about an account; never its credential. {@code id} is the stable key that other
 * city systems keep; {@code legacyUsernames} are the old system's names for it.
 */
public record AccountView(UUID id, String email, String displayName, String locale, State state,
                          List<String> legacyUsernames) {

    public enum State {
        /** Carried over from the old system, or just registered: the emailed link sets the first password. */
        PENDING_FIRST_PASSWORD,
        /** Logs in with email and password. */
        ACTIVE,
        /** Closed by an administrator. */
        DISABLED
    }
}
