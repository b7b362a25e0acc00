package fi.city.login.portal.recovery;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The recovery flow's pages, in {@code templates/recovery/}. */
@CheckedTemplate(basePath = "recovery")
class RecoveryTemplates {

    static native TemplateInstance setPassword(Page page, String token, String email, String error);

    static native TemplateInstance passwordChanged(Page page);

    static native TemplateInstance linkUnusable(Page page, String title);

    static native TemplateInstance forgot(Page page, String email, String error);

    static native TemplateInstance forgotSent(Page page);
}
