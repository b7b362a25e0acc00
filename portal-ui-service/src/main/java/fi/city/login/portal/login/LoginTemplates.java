package fi.city.login.portal.login;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The login flow's pages, in {@code templates/login/}. */
@CheckedTemplate(basePath = "login")
class LoginTemplates {

    /** @param notice what the page says first (that the old username is now the email address), or null */
    static native TemplateInstance login(Page page, String email, String error, String notice);

    /**
     * @param linkMaybeSent unknown addresses hidden: say that a carried-over account without a password got a link
     * @param rememberMe    the box as the resident left it: a wrong password does not untick it
     * @param codeOffered   logins are paused: offer a login code by email instead of only refusing
     */
    static native TemplateInstance passwordStep(Page page, String email, String error, boolean linkMaybeSent,
                                                boolean rememberMe, boolean codeOffered);

    /** The password step with the login code mailed to the address. */
    static native TemplateInstance codeStep(Page page, String email, String error, boolean rememberMe);

    /** @param askedByService the resident is logged in, and an e-service asks for a second factor too */
    static native TemplateInstance secondFactorStep(Page page, String error, boolean askedByService);

    /** @param message that the link was sent, and where */
    static native TemplateInstance linkSent(Page page, String message);

    static native TemplateInstance notRecognised(Page page, String email);
}
