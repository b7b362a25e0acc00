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

    public PasswordChangedEmail(NotificationConfig config) {
        this.config = config;
    }

    /** passwordChanged.html and passwordChanged.txt beside this class's name under templates/. */
    @CheckedTemplate
    record passwordChanged(String subject, String username, String changedAt, String locale)
            implements MailTemplateInstance {
    }

    public Uni<Void> send(PasswordChanged event) {
        EmailLanguage language = EmailLanguage.of(event.locale());
        String subject = language.words().subjectPasswordChanged();
        String changedAt = language.dateTimeFormat(config.timeZone()).format(event.changedAt());
        return language.apply(new passwordChanged(subject, event.email(), changedAt, language.code()))
                .to(event.email()).subject(subject).send();
    }
}
