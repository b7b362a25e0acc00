package fi.city.login.portal.page;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The pages every flow may end on, in {@code templates/}. Each flow's own pages are in its package's
 * {@code *Templates} class and its folder of {@code templates/}; all of them include {@code layout.html}.
 */
@CheckedTemplate
public class CommonTemplates {

    /** An error page titled {@code title} (what happened, in a few words), with {@code message} (what to do). */
    public static native TemplateInstance error(Page page, String title, String message);
}
