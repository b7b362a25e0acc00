package fi.city.login.portal.settings;

import fi.city.login.portal.page.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import fi.city.login.identity.api.settings.SecondFactorView;

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
                                           List<SettingsViews.SessionRow> sessions, List<SettingsViews.ActivityRow> activity,
                                           SecondFactorView secondFactor, String secondFactorSince,
                                           List<SettingsViews.PasskeyRow> passkeys);

    /** @param publicKey the registration's options (JSON) for the page's script; {@code name} the name given */
    static native TemplateInstance passkeyCreate(Page page, String publicKey, String name);

    /** @param askedByService an e-service waits for the resident to have two factors */
    static native TemplateInstance secondFactorIntro(Page page, String error, boolean askedByService);

    /** @param qrSvg the key URI as an inline SVG QR code; {@code secret} the same key to type */
    static native TemplateInstance secondFactorSetup(Page page, String error, String qrSvg, String secret, String keyUri);

    /** @param continueTo where the resident goes once the codes are saved: a waiting e-service, or the settings */
    static native TemplateInstance recoveryCodes(Page page, String notice, List<String> codes, String continueTo);
}
