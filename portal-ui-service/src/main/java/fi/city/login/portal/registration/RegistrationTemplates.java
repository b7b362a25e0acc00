package fi.city.login.portal.registration;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The registration flow's pages, in {@code templates/registration/}. */
@CheckedTemplate(basePath = "registration")
class RegistrationTemplates {

    static native TemplateInstance register(Page page, String name, String email, String error);

    static native TemplateInstance registrationSent(Page page);
}
