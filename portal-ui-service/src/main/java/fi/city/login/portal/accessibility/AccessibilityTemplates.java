package fi.city.login.portal.accessibility;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The accessibility statement's page, in {@code templates/accessibility/}. */
@CheckedTemplate(basePath = "accessibility")
class AccessibilityTemplates {

    /**
     * @param conformance how far the service conforms, in the page's language
     * @param gaps        the known gaps, in the page's language
     * @param authority   the supervising authority's name, in the page's language
     */
    static native TemplateInstance statement(Page page, String conformance, List<String> gaps, String assessedOn,
                                             AccessibilityStatementConfig config, String authority);
}
