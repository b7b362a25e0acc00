package fi.city.login.notification.email;

import fi.city.login.events.NoAccountNotice;
import fi.city.login.facts.PortalRoutes;
import fi.city.login.notification.config.NotificationConfig;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the owner of an address without an account that someone tried to log in or asked for a password
 * link with it, and where to create one: the screen, hiding which addresses exist, could not say so.
 */
@ApplicationScoped
public class NoAccountEmail {

    private final NotificationConfig config;
    private final EmailContact contact;

    public NoAccountEmail(NotificationConfig config, EmailContact contact) {
        this.config = config;
        this.contact = contact;
    }

    /** noAccount.html and noAccount.txt beside this class's name under templates/. */
    @CheckedTemplate
    record noAccount(String subject, String address, boolean passwordLink, String registrationLink, String support,
                     String locale)
            implements MailTemplateInstance {
    }

    public Uni<Void> send(NoAccountNotice event) {
        EmailLanguage language = EmailLanguage.of(event.locale());
        String subject = language.words().subjectNoAccount();
        boolean passwordLink = event.asked() == NoAccountNotice.Asked.PASSWORD_LINK;
        return contact.addressed(language.apply(new noAccount(subject, event.email(), passwordLink,
                config.portalUrl() + PortalRoutes.REGISTRATION, contact.support(language), language.code())), language, event.email(), subject)
                .send();
    }
}
