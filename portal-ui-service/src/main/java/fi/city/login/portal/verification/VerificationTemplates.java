package fi.city.login.portal.verification;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The verification flow's pages, in {@code templates/verification/}. */
@CheckedTemplate(basePath = "verification")
class VerificationTemplates {

    /**
     * @param step  what the page asks for: a login first, the link's account, or its password
     * @param error why the last try was refused (a wrong password, the address taken meanwhile), or null
     */
    static native TemplateInstance confirmEmail(Page page, String token, String currentEmail, String newEmail,
                                                VerificationPages.Step step, String error);

    static native TemplateInstance emailChanged(Page page);

    static native TemplateInstance emailChangeUnusable(Page page, String title);

    /** "This wasn't me": what the change would do, and the button that stops it. */
    static native TemplateInstance cancelEmailChange(Page page, String token, String currentEmail, String newEmail);

    static native TemplateInstance emailChangeCancelled(Page page);
}
