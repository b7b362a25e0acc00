package fi.city.login.portal.page;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.account.AccountView;
import fi.city.login.identity.api.login.SessionView;
import fi.city.login.portal.client.IdentityProblem;
import fi.city.login.facts.SupportContact;
import fi.city.login.portal.client.PasswordRules;
import fi.city.login.portal.config.PortalConfig;
import fi.city.login.portal.i18n.Language;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/** Builds the {@link Page} of a request: language from cookie or browser, resident from the session cookie. */
@ApplicationScoped
public class PageContext {

    private static final Logger LOG = Logger.getLogger(PageContext.class);

    private final IdentityApi identity;
    private final PortalConfig config;
    private final SupportContact support;
    private final PasswordRules passwordRules;

    public PageContext(@RestClient IdentityApi identity, PortalConfig config, SupportContact support,
                       PasswordRules passwordRules) {
        this.identity = identity;
        this.config = config;
        this.support = support;
        this.passwordRules = passwordRules;
    }

    public Language language(HttpHeaders headers) {
        return Language.choose(cookieValue(headers, Language.COOKIE), headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** Whether the resident chose a language in the menu (rather than leaving it to the browser). */
    public boolean languageChosen(HttpHeaders headers) {
        return Language.parse(cookieValue(headers, Language.COOKIE)) != null;
    }

    private static String cookieValue(HttpHeaders headers, String name) {
        Cookie cookie = headers.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * The resident's address, which identity-service counts guesses and emails by. Behind a proxy,
     * quarkus.http.proxy.* (with its trusted proxies) makes this the resident's address, not the proxy's.
     */
    public static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    /** The browser's device cookie, if it has one (see {@link Cookies#device}). */
    public String deviceToken(HttpHeaders headers) {
        String token = cookieValue(headers, Cookies.DEVICE);
        return token == null || token.isBlank() ? null : token;
    }

    public String sessionToken(HttpHeaders headers) {
        String token = cookieValue(headers, config.sessionCookie().name());
        return token == null || token.isBlank() ? null : token;
    }

    /** The page for a visitor whose session does not matter (forms before login). */
    public Page anonymous(HttpHeaders headers, String path) {
        return anonymous(language(headers), path);
    }

    public Page anonymous(Language language, String path) {
        return new Page(language, null, support, path, passwordRules.policy().minLength());
    }

    /** The page with the logged-in resident, if the session cookie names a live session. */
    public Uni<Page> page(HttpHeaders headers, String path) {
        String token = sessionToken(headers);
        if (token == null) {
            return Uni.createFrom().item(anonymous(headers, path));
        }
        return identity.session(token)
                .map(SessionView::account)
                .onFailure(IdentityProblem.class).recoverWithItem((AccountView) null)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("session lookup failed: %s", e.toString());
                    return null;
                })
                .map(resident -> new Page(language(headers), resident, support, path, passwordRules.policy().minLength()));
    }
}
