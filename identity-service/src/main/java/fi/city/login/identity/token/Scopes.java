package fi.city.login.identity.token;

import java.util.List;

/** What a city system's client credentials token may be allowed to do (configured per client). */
public final class Scopes {

    /** Look accounts up by id, email or legacy username. */
    public static final String ACCOUNTS_READ = "accounts:read";

    /** Import the old system's users. */
    public static final String ACCOUNTS_IMPORT = "accounts:import";

    public static final List<String> ALL = List.of(ACCOUNTS_READ, ACCOUNTS_IMPORT);

    private Scopes() {
    }
}
