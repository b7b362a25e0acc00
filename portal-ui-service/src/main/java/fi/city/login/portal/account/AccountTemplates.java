package fi.city.login.portal.account;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import java.util.List;

/** The account settings page, in {@code templates/account/}. */
@CheckedTemplate(basePath = "account")
class AccountTemplates {

    /**
     * @param notice               what the last change did, or null
     * @param error                why the last change was refused, or null
     * @param currentPasswordWrong the error is about the current password (else about the new one)
     * @param nameInvalid          the error is about the name
     */
    static native TemplateInstance account(Page page, String notice, String error, boolean currentPasswordWrong,
                                           boolean nameInvalid, List<AccountViews.SessionRow> sessions,
                                           List<AccountViews.ActivityRow> activity);
}
