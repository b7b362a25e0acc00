package fi.city.login.portal.settings;

import fi.city.login.identity.api.account.AccountActivity;
import fi.city.login.identity.api.settings.PasskeyView;
import fi.city.login.identity.api.settings.SessionSummary;
import fi.city.login.portal.i18n.Language;
import fi.city.login.portal.i18n.PortalMessages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The account page's rows: sessions and recent activity, in the resident's language and the city's time zone. */
final class SettingsViews {

    private static final ZoneId CITY = ZoneId.of("Europe/Helsinki");

    private SettingsViews() {
    }

    record SessionRow(String id, boolean current, String browser, String started, String lastUsed, String clientAddress) {
    }

    /** A passkey as the settings list it: its name, when it was added and last used, in the page's words. */
    record PasskeyRow(String id, String name, String created, String lastUsed) {
    }

    static PasskeyRow of(PasskeyView passkey, Language language, PortalMessages msg) {
        return new PasskeyRow(passkey.id().toString(), passkey.name(), msg.passkeyCreatedAt(time(passkey.createdAt(), language)),
                passkey.lastUsedAt() == null ? msg.passkeyNeverUsed() : msg.passkeyLastUsed(time(passkey.lastUsedAt(), language)));
    }

    record ActivityRow(String when, String what, String clientAddress) {
    }

    static SessionRow of(SessionSummary session, Language language) {
        PortalMessages msg = language.messages();
        return new SessionRow(session.id().toString(), session.current(), describe(session.browser(), msg),
                time(session.startedAt(), language), time(session.lastUsedAt(), language), session.clientAddress());
    }

    static ActivityRow of(AccountActivity event, Language language) {
        return new ActivityRow(time(event.occurredAt(), language), what(event.kind(), language.messages()), event.clientAddress());
    }

    /** "7.12.2026 klo 16.57" in Finnish: each language its own way, in the city's time zone. */
    static String time(Instant instant, Language language) {
        return instant == null ? "" : DateTimeFormatter.ofPattern(language.messages().dateTimePattern(), language.locale())
                .withZone(CITY).format(instant);
    }

    private static String what(String kind, PortalMessages msg) {
        return switch (kind) {
            case "LOGIN_SUCCEEDED" -> msg.activityLogin();
            case "LOGIN_FAILED" -> msg.activityLoginFailed();
            case "LINK_SENT" -> msg.activityLinkSent();
            case "LINK_USED" -> msg.activityLinkUsed();
            case "PASSWORD_SET" -> msg.activityPasswordSet();
            case "SESSION_ENDED" -> msg.activitySessionEnded();
            case "ESERVICE_LOGIN" -> msg.activityEServiceLogin();
            case "TOKEN_REPLAYED" -> msg.activityTokenReplayed();
            case "PROFILE_CHANGED" -> msg.activityProfileChanged();
            case "EMAIL_CHANGE_REQUESTED" -> msg.activityEmailChangeRequested();
            case "EMAIL_CHANGED" -> msg.activityEmailChanged();
            case "ACCOUNT_LOOKED_UP" -> msg.activityLookedUp();
            case "ACTIVITY_READ" -> msg.activityRead();
            case "SECOND_FACTOR_ENROLLED" -> msg.activitySecondFactorEnrolled();
            case "SECOND_FACTOR_REMOVED" -> msg.activitySecondFactorRemoved();
            case "SECOND_FACTOR_FAILED" -> msg.activitySecondFactorFailed();
            case "RECOVERY_CODE_USED" -> msg.activityRecoveryCodeUsed();
            case "PASSKEY_ADDED" -> msg.activityPasskeyAdded();
            case "PASSKEY_REMOVED" -> msg.activityPasskeyRemoved();
            default -> msg.activityOther();
        };
    }

    /** "Firefox, Android" from a User-Agent: enough to tell one's own devices apart, nothing more. */
    static String describe(String userAgent, PortalMessages msg) {
        if (userAgent == null || userAgent.isBlank()) {
            return msg.unknownBrowser();
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge" : ua.contains("firefox/") ? "Firefox"
                : ua.contains("chrome/") || ua.contains("chromium/") ? "Chrome" : ua.contains("safari/") ? "Safari" : null;
        String system = ua.contains("android") ? "Android" : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows" : ua.contains("mac os") ? "macOS" : ua.contains("linux") ? "Linux" : null;
        if (browser == null && system == null) {
            return msg.unknownBrowser();
        }
        return browser == null ? system : system == null ? browser : browser + ", " + system;
    }
}
