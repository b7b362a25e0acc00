package fi.city.login.portal.page;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.URI;

/**
 * A strict Content-Security-Policy on every answer: scripts only the portal's own file (which fetches a passkey
 * ceremony's options from the portal, hence connect-src), forms only to the
 * portal. A page whose form ends in a redirect to an e-service (the password step of an e-service's login,
 * the logout confirmation) allows that one origin too, since browsers hold the redirects of a form submission
 * to {@code form-action}.
 */
@ApplicationScoped
public class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";
    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'%s; "
            + "frame-ancestors 'none'; base-uri 'none'";

    void onEveryAnswer(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(SecurityHeaders::contentSecurityPolicy);
    }

    private static void contentSecurityPolicy(RoutingContext context) {
        context.addHeadersEndHandler(ended -> {
            if (!context.response().headers().contains(CSP)) {
                context.response().headers().set(CSP, policy(null));
            }
        });
        context.next();
    }

    /** The policy, letting forms also lead to the origin of {@code redirectUri} (null: the portal alone). */
    public static String policy(String redirectUri) {
        String origin = originOf(redirectUri);
        return POLICY.formatted(origin == null ? "" : " " + origin);
    }

    private static String originOf(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            URI parsed = URI.create(uri);
            if (parsed.getHost() == null || !("https".equals(parsed.getScheme()) || "http".equals(parsed.getScheme()))) {
                return null;
            }
            return parsed.getScheme() + "://" + parsed.getHost() + (parsed.getPort() < 0 ? "" : ":" + parsed.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
