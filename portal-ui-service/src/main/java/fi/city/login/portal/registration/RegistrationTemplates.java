package fi.city.login.portal.registration;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The registration flow's pages, in {@code templates/registration/}. */
@CheckedTemplate(basePath = "registration")
class RegistrationTemplates {

    /** @param errorField the id of the field the error is about ({@code name} or {@code username}), or null */
    static native TemplateInstance register(Page page, String name, String email, String error, String errorField);

    static native TemplateInstance registrationSent(Page page);
}
