package fi.city.login.portal.login;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The login flow's pages, in {@code templates/login/}. */
@CheckedTemplate(basePath = "login")
class LoginTemplates {

    static native TemplateInstance login(Page page, String email, String error);

    /** @param linkMaybeSent unknown addresses hidden: say that a carried-over account without a password got a link */
    static native TemplateInstance passwordStep(Page page, String email, String error, boolean linkMaybeSent);

    static native TemplateInstance linkSent(Page page);

    static native TemplateInstance notRecognised(Page page, String email);
}
