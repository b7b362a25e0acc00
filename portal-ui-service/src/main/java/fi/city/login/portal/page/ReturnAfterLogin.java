package fi.city.login.portal.page;

import fi.city.login.portal.config.PortalConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A page of the portal that needs a login first (an email-change link opened in a browser without a
 * session) and where the login then continues, kept in a cookie. Only a path of this portal is taken back
 * ({@link SafePaths}); an e-service's waiting request ({@link PendingAuthorization}) goes first.
 */
@ApplicationScoped
public class ReturnAfterLogin {

    /** __Host-: kept by the browser only if Secure, for the whole site, and set by this host alone. */
    static final String COOKIE = "__Host-portal_return";
    private static final Duration LIFETIME = Duration.ofHours(1);
    private static final int MAX_PATH_LENGTH = 1000;

    private final boolean secure;

    public ReturnAfterLogin(PortalConfig config) {
        this.secure = config.sessionCookie().secure();
    }

    /** Where the login continues, if a page asked for one. */
    public Optional<String> path(HttpHeaders headers) {
        Cookie cookie = headers.getCookies().get(COOKIE);
        if (cookie == null || cookie.getValue().isBlank() || cookie.getValue().length() > MAX_PATH_LENGTH * 4 / 3 + 4) {
            return Optional.empty();
        }
        try {
            String path = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
            return Optional.of(SafePaths.local(path));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** The path as BASE64URL: it may carry a link's token, whose characters a cookie value need not allow. */
    public NewCookie remember(String path) {
        String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(SafePaths.local(path).getBytes(StandardCharsets.UTF_8));
        return base(encoded).maxAge((int) LIFETIME.toSeconds()).build();
    }

    public NewCookie forget() {
        return base("").maxAge(0).build();
    }

    private NewCookie.Builder base(String value) {
        return new NewCookie.Builder(COOKIE).value(value).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX);
    }
}
