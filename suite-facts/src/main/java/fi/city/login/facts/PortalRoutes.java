package fi.city.login.facts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The portal's pages that emails link to: the portal serves them, notification-service writes links to
 * them, and both take the paths from here. A link token rides in the query parameter {@link #TOKEN}.
 */
public final class PortalRoutes {

    /** Sets a password with a password link (first login, new account, forgotten password). */
    public static final String RECOVERY = "/recovery";
    /** Confirms a new email address with its link. */
    public static final String EMAIL_CHANGE = "/email-change";
    /** Cancels a change of address asked for: the link the old address gets ("this wasn't me"). */
    public static final String EMAIL_CHANGE_CANCELLATION = "/email-change/cancel";
    /** "It wasn't me": the link of a new-browser notice ends every session and starts a password reset. */
    public static final String SECURE_ACCOUNT = "/secure-account";
    /** Creates an account ("Luo uusi käyttäjätunnus"). */
    public static final String REGISTRATION = "/register";
    public static final String LOGIN = "/login";
    public static final String TOKEN = "token";

    private PortalRoutes() {
    }

    /** The page's address with the link's token, as an email carries it. */
    public static String withToken(String portalUrl, String route, String token) {
        return portalUrl + route + "?" + TOKEN + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
