package fi.city.login.portal.account;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The account settings pages, in {@code templates/account/}. */
@CheckedTemplate(basePath = "account")
class AccountTemplates {

    /** @param currentPasswordWrong the error is about the current password (else about the new one) */
    static native TemplateInstance account(Page page, String notice, String error, boolean currentPasswordWrong);
}
