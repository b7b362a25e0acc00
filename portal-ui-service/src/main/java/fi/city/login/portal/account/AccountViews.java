package fi.city.login.portal.account;

import fi.city.login.identity.api.account.AccountActivity;
import fi.city.login.identity.api.settings.SessionSummary;
import fi.city.login.portal.i18n.PortalMessages;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The account page's rows: sessions and recent activity, in the resident's language and the city's time zone. */
final class AccountViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d.M.yyyy HH:mm").withZone(ZoneId.of("Europe/Helsinki"));

    private AccountViews() {
    }

    record SessionRow(String id, boolean current, String browser, String started, String lastUsed, String clientAddress) {
    }

    record ActivityRow(String when, String what, String clientAddress) {
    }

    static SessionRow of(SessionSummary session, PortalMessages msg) {
        return new SessionRow(session.id().toString(), session.current(), describe(session.browser(), msg),
                time(session.startedAt()), time(session.lastUsedAt()), session.clientAddress());
    }

    static ActivityRow of(AccountActivity event, PortalMessages msg) {
        return new ActivityRow(time(event.occurredAt()), what(event.kind(), msg), event.clientAddress());
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
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
