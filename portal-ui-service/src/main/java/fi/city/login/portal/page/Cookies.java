package fi.city.login.portal.page;

import fi.city.login.portal.config.PortalConfig;
import fi.city.login.portal.i18n.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;

/** The portal's cookies: HttpOnly, SameSite=Lax, Secure unless configured off. */
@ApplicationScoped
public class Cookies {

    /** __Host-: kept by the browser only if Secure, for the whole site, and set by this host alone. */
    public static final String DEVICE = "__Host-portal_device";

    /** The identifier step's answer, while the login goes on: see {@code login.IdentifierOutcome}. */
    public static final String LOGIN_STEP = "__Host-portal_login_step";
    /** The login flow waiting at its next step (a second factor): its token, never in the page itself. */
    public static final String LOGIN_FLOW = "__Host-portal_login_flow";

    private final PortalConfig.SessionCookie config;
    private final String csrfCookie;

    public Cookies(PortalConfig config, @ConfigProperty(name = "quarkus.rest-csrf.cookie-name") String csrfCookie) {
        this.config = config.sessionCookie();
        this.csrfCookie = csrfCookie;
    }

    /**
     * "Remember me" makes the cookie outlive the browser until the session's end; otherwise it is a
     * browser-session cookie. Either way the server ends the session on logout.
     */
    public NewCookie session(String token, boolean persistent, Instant expiresAt) {
        int maxAge = persistent ? (int) Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds())
                : NewCookie.DEFAULT_MAX_AGE;
        return base(config.name(), token).maxAge(maxAge).build();
    }

    /**
     * The device cookie: this browser has logged in to the account before, so a stranger's guesses at the
     * account do not pause its logins here. It says nothing to anyone but identity-service.
     */
    public NewCookie device(String token) {
        return base(DEVICE, token).maxAge((int) Duration.ofDays(365).toSeconds()).build();
    }

    public NewCookie clearSession() {
        return base(config.name(), "").maxAge(0).build();
    }

    /**
     * Forgets the CSRF token: after a login the next form gets a new one, so a token that was planted or
     * seen before the login is worth nothing after it.
     */
    public NewCookie renewCsrfToken() {
        return base(csrfCookie, "").maxAge(0).build();
    }

    /** A login is seldom longer than a quarter of an hour; an older answer is asked again. */
    public NewCookie loginStep(String value) {
        return base(LOGIN_STEP, value).maxAge((int) Duration.ofMinutes(15).toSeconds()).build();
    }

    public NewCookie clearLoginStep() {
        return base(LOGIN_STEP, "").maxAge(0).build();
    }

    /** As long as identity-service keeps the flow. */
    public NewCookie loginFlow(String token, Instant expiresAt) {
        return base(LOGIN_FLOW, token).maxAge((int) Math.max(0, Duration.between(Instant.now(), expiresAt).toSeconds())).build();
    }

    public NewCookie clearLoginFlow() {
        return base(LOGIN_FLOW, "").maxAge(0).build();
    }

    public NewCookie language(Language language) {
        return base(Language.COOKIE, language.code()).maxAge((int) Duration.ofDays(365).toSeconds()).build();
    }

    private NewCookie.Builder base(String name, String value) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true).secure(config.secure())
                .sameSite(NewCookie.SameSite.LAX);
    }
}
