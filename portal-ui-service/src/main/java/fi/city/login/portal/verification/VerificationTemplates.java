package fi.city.login.portal.verification;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The verification flow's pages, in {@code templates/verification/}. */
@CheckedTemplate(basePath = "verification")
class VerificationTemplates {

    /** @param error why the change cannot be made (the address was taken meanwhile), or null */
    static native TemplateInstance confirmEmail(Page page, String token, String currentEmail, String newEmail, String error);

    static native TemplateInstance emailChanged(Page page);

    static native TemplateInstance emailChangeUnusable(Page page, String title);
}
