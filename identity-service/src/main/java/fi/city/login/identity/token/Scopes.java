package fi.city.login.identity.token;

import java.util.List;

/**
 * The scopes a client may be registered for. API scopes go into client credentials tokens, and resources
 * require them with {@code @RolesAllowed}; resident scopes go into the tokens of a resident's login at an
 * e-service (OpenID Connect) and decide its claims.
 */
public final class Scopes {

    /**
     * The portal: run residents' flows (login, recovery, registration, settings, sessions, OpenID Connect
     * authorization) and state the resident's address for brute-force protection. Only the portal's client has it.
     */
    public static final String PORTAL = "portal";

    /** Look accounts up by id, email or legacy username. */
    public static final String ACCOUNTS_READ = "accounts:read";

    /**
     * Read an account's activity trail (addresses, failed logins, email changes): for the city's own
     * supervision and support, never granted to an e-service by default.
     */
    public static final String ACCOUNTS_ACTIVITY = "accounts:activity";

    /** Import the old system's users. */
    public static final String ACCOUNTS_IMPORT = "accounts:import";

    /** OpenID Connect: an ID token with the account's stable id. */
    public static final String OPENID = "openid";

    /** The resident's name, language and legacy usernames (claims name, locale, legacy_usernames). */
    public static final String PROFILE = "profile";

    /** The resident's email address (claims email, email_verified). */
    public static final String EMAIL = "email";

    public static final List<String> API = List.of(PORTAL, ACCOUNTS_READ, ACCOUNTS_ACTIVITY, ACCOUNTS_IMPORT);

    public static final List<String> RESIDENT = List.of(OPENID, PROFILE, EMAIL);

    private Scopes() {
    }
}
