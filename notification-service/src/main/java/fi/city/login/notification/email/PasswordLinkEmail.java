package fi.city.login.notification.email;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.notification.config.NotificationConfig;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/** Builds and sends the email with a password link, in the account's language, as HTML and plain text. */
@ApplicationScoped
public class PasswordLinkEmail {

    private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    private final NotificationConfig config;

    public PasswordLinkEmail(NotificationConfig config) {
        this.config = config;
    }

    /** passwordLink.html and passwordLink.txt beside this class's name under templates/. */
    @CheckedTemplate
    record passwordLink(String subject, String username, String link, String expiresAt, boolean newAccount,
                        String locale) implements MailTemplateInstance {
    }

    public Uni<Void> send(PasswordResetRequested event) {
        String language = LANGUAGES.contains(event.locale()) ? event.locale() : "fi";
        EmailMessages words = language.equals("fi") ? MessageBundles.get(EmailMessages.class)
                : MessageBundles.get(EmailMessages.class, Localized.Literal.of(language));
        boolean newAccount = event.purpose() == Purpose.NEW_ACCOUNT;
        String subject = newAccount ? words.subjectNewAccount() : words.subjectPasswordChange();
        DateTimeFormatter format = DateTimeFormatter.ofPattern(words.dateTimePattern(), Locale.forLanguageTag(language))
                .withZone(config.timeZone());
        String link = config.passwordLinkBase() + "?token=" + URLEncoder.encode(event.token(), StandardCharsets.UTF_8);
        MailTemplateInstance mail = new passwordLink(subject, event.email(), link, format.format(event.expiresAt()),
                newAccount, language);
        mail.setAttribute("locale", Locale.forLanguageTag(language));
        return mail.to(event.email()).subject(subject).send();
    }
}
