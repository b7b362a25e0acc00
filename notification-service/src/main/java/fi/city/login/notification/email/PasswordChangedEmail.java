package fi.city.login.notification.email;

import fi.city.login.events.PasswordChanged;
import fi.city.login.notification.config.NotificationConfig;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Tells the owner that their password changed, so that a change they did not make does not go unnoticed. */
@ApplicationScoped
public class PasswordChangedEmail {

    private final NotificationConfig config;
    private final EmailContact contact;

    public PasswordChangedEmail(NotificationConfig config, EmailContact contact) {
        this.config = config;
        this.contact = contact;
    }

    /** passwordChanged.html and passwordChanged.txt beside this class's name under templates/. */
    @CheckedTemplate
    record passwordChanged(String subject, String username, String changedAt, String support, String locale)
            implements MailTemplateInstance {
    }

    public Uni<Void> send(PasswordChanged event) {
        EmailLanguage language = EmailLanguage.of(event.locale());
        String subject = language.words().subjectPasswordChanged();
        String changedAt = language.dateTimeFormat(config.timeZone()).format(event.changedAt());
        return contact.addressed(language.apply(new passwordChanged(subject, event.email(), changedAt,
                contact.support(language), language.code())), language, event.email(), subject).send();
    }
}
