package fi.city.login.portal.home;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The front page, in {@code templates/home/}. */
@CheckedTemplate(basePath = "home")
class HomeTemplates {

    static native TemplateInstance home(Page page);
}
