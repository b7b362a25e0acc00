package fi.city.login.notification.email;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.facts.PortalRoutes;
import fi.city.login.notification.config.NotificationConfig;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;


/** Builds and sends the email with a password link, in the account's language, as HTML and plain text. */
@ApplicationScoped
public class PasswordLinkEmail {

    private final NotificationConfig config;
    private final EmailContact contact;

    public PasswordLinkEmail(NotificationConfig config, EmailContact contact) {
        this.config = config;
        this.contact = contact;
    }

    /** passwordLink.html and passwordLink.txt beside this class's name under templates/. */
    /** @param code a login code to type, instead of a link (then null) */
    @CheckedTemplate
    /** @param notice the email tells of something done (a new browser), so "if you didn't ask for this" is not said */
    record passwordLink(String subject, String intro, String username, String link, String code, String expiresAt,
                        String support, String locale, boolean notice) implements MailTemplateInstance {
    }

    /**
     * @param token the link's token, opened from the event; it goes into the link and nowhere else (a login
     *              code's is the code, written for typing)
     */
    public Uni<Void> send(PasswordResetRequested event, String token) {
        EmailLanguage language = EmailLanguage.of(event.locale());
        EmailMessages words = language.words();
        String subject = switch (event.purpose()) {
            case NEW_ACCOUNT -> words.subjectNewAccount();
            case FIRST_LOGIN -> words.subjectFirstLogin();
            case FORGOTTEN_PASSWORD -> words.subjectPasswordChange();
            case LOGIN_CODE -> words.subjectLoginCode();
            case NEW_BROWSER -> words.subjectNewBrowser();
        };
        String intro = switch (event.purpose()) {
            case NEW_ACCOUNT -> words.introNewAccount();
            case FIRST_LOGIN -> words.introFirstLogin();
            case FORGOTTEN_PASSWORD -> words.introPasswordChange();
            case LOGIN_CODE -> words.introLoginCode();
            case NEW_BROWSER -> words.introNewBrowser(language.dateTimeFormat(config.timeZone()).format(event.occurredAt()),
                    event.browser() == null || event.browser().isBlank() ? words.unknownBrowser() : event.browser());
        };
        boolean code = event.purpose() == PasswordResetRequested.Purpose.LOGIN_CODE;
        // A new-browser notice's link is "it wasn't me", which ends every session; the others set a password.
        String route = event.purpose() == PasswordResetRequested.Purpose.NEW_BROWSER ? PortalRoutes.SECURE_ACCOUNT : PortalRoutes.RECOVERY;
        String link = code ? null : PortalRoutes.withToken(config.portalUrl(), route, token);
        String expiresAt = language.dateTimeFormat(config.timeZone()).format(event.expiresAt());
        return contact.addressed(language.apply(new passwordLink(subject, intro, event.email(), link, code ? token : null,
                expiresAt, contact.support(language), language.code(), event.purpose() == PasswordResetRequested.Purpose.NEW_BROWSER)),
                language, event.email(), subject).send();
    }
}
