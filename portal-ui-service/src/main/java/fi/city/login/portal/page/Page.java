package fi.city.login.portal.page;

import fi.city.login.identity.api.account.AccountView;
import fi.city.login.facts.SupportContact;
import fi.city.login.portal.i18n.Language;
import fi.city.login.portal.i18n.PortalMessages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What every page needs besides its own data: the language, the logged-in resident (or null), the
 * support contact, and the path to return to after switching language.
 */
public record Page(Language language, AccountView resident, SupportContact support, String path, int passwordMinLength) {

    public List<Language> languages() {
        return List.of(Language.values());
    }

    /** The current path for the language menu's return parameter. */
    public String encodedPath() {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    public boolean loggedIn() {
        return resident != null;
    }

    public PortalMessages messages() {
        return language.messages();
    }

    /** The support's name in the page's language, so that a Swedish or English page names it in its own words. */
    public String supportName() {
        return support.name(language.code());
    }
}
