package fi.city.login.portal.settings;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The account settings page, in {@code templates/settings/}. */
@CheckedTemplate(basePath = "settings")
class SettingsTemplates {

    /**
     * @param notice     what the last change did, or null
     * @param error      why the last change was refused, or null
     * @param errorField the id of the field the error is about ({@link SettingsPages.Field}), or null
     * @param newEmail   the address typed in the email form, kept when it is refused
     */
    static native TemplateInstance settings(Page page, String notice, String error, String errorField, String newEmail,
                                           List<SettingsViews.SessionRow> sessions, List<SettingsViews.ActivityRow> activity);
}
