package fi.city.login.identity.token;

import java.util.List;

/** What a client credentials token may be allowed to do (configured per client); resources require them with {@code @RolesAllowed}. */
public final class Scopes {

    /**
     * The portal: run residents' flows (login, recovery, registration, settings, sessions) and state the
     * resident's address for brute-force protection. Only the portal's client has it.
     */
    public static final String PORTAL = "portal";

    /** Look accounts up by id, email or legacy username. */
    public static final String ACCOUNTS_READ = "accounts:read";

    /** Import the old system's users. */
    public static final String ACCOUNTS_IMPORT = "accounts:import";

    public static final List<String> ALL = List.of(PORTAL, ACCOUNTS_READ, ACCOUNTS_IMPORT);

    private Scopes() {
    }
}
