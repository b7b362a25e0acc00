package fi.city.login.portal.page;

import fi.city.login.portal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * An e-service's authorization request waiting for the resident to log in, kept in a cookie as its query
 * string (without {@code prompt} and {@code max_age}, which the login satisfies). The login, however long
 * it takes (a first password set through an emailed link included), ends by sending the request again, and
 * identity-service checks it again from scratch: the cookie carries nothing that is trusted.
 */
@ApplicationScoped
public class PendingAuthorization {

    /** __Host-: kept by the browser only if Secure, for the whole site, and set by this host alone. */
    public static final String COOKIE = "__Host-portal_authorization";
    public static final int MAX_QUERY_LENGTH = 3000;
    /** Where a request that asks for two factors (acr_values=2) waits while the resident gives the second one. */
    public static final String SECOND_FACTOR_STEP = "/login/second-factor";
    /** ... or sets one up, when the account has none yet. */
    public static final String SECOND_FACTOR_SETUP = "/account/second-factor";
    private static final Duration LIFETIME = Duration.ofHours(1);

    private final boolean secure;

    public PendingAuthorization(PortalConfig config) {
        this.secure = config.sessionCookie().secure();
    }

    /** Where the login continues: the authorization endpoint with the waiting request, if there is one. */
    public Optional<String> continuation(HttpHeaders headers) {
        return query(headers).map(query -> "/oauth2/authorize?" + query);
    }

    /** The waiting request's redirect URI, unchecked: only to let the password step's form lead there. */
    public String redirectUri(HttpHeaders headers) {
        return query(headers).flatMap(query -> java.util.Arrays.stream(query.split("&"))
                .filter(pair -> pair.startsWith("redirect_uri="))
                .map(pair -> URLDecoder.decode(pair.substring("redirect_uri=".length()), StandardCharsets.UTF_8))
                .findFirst()).orElse(null);
    }

    /** The query as BASE64URL: a cookie value may not hold every character a query may. */
    public NewCookie remember(String query) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(query.getBytes(StandardCharsets.UTF_8));
        return base(encoded).maxAge((int) LIFETIME.toSeconds()).build();
    }

    public NewCookie forget() {
        return base("").maxAge(0).build();
    }

    private static Optional<String> query(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        if (cookie == null || cookie.getValue().isBlank() || cookie.getValue().length() > MAX_QUERY_LENGTH * 4 / 3 + 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private NewCookie.Builder base(String value) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
