package fi.city.login.portal.recovery;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The recovery flow's pages, in {@code templates/recovery/}. */
@CheckedTemplate(basePath = "recovery")
class RecoveryTemplates {

    /** @param firstPassword the account has none yet (a first login or a new account): it is set, not changed */
    static native TemplateInstance setPassword(Page page, String token, String email, String error, boolean firstPassword);

    static native TemplateInstance passwordChanged(Page page, boolean firstPassword);

    static native TemplateInstance linkUnusable(Page page, String title);

    static native TemplateInstance forgot(Page page, String email, String error);

    static native TemplateInstance forgotSent(Page page);
    /** "It wasn't me": the new-browser notice's link, before its button ends every session. */
    static native TemplateInstance secureAccount(Page page, String token, String email);
    static native TemplateInstance accountSecured(Page page);
}
