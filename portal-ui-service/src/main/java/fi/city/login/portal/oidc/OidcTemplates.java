package fi.city.login.portal.oidc;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The pages of OpenID Connect's browser-facing endpoints, in {@code templates/oidc/}. */
@CheckedTemplate(basePath = "oidc")
class OidcTemplates {

    /** Asks before logging out when the request does not come with an ID token of ours. */
    static native TemplateInstance logoutConfirm(Page page, String clientId, String postLogoutRedirectUri, String state);

    static native TemplateInstance loggedOut(Page page);

    /** A logout request from a browser with no session: nothing to end, nothing to ask. */
    static native TemplateInstance notLoggedIn(Page page);
}
