package fi.city.login.notification.email;

import fi.city.login.events.EmailAddressChange;
import fi.city.login.facts.PortalRoutes;
import fi.city.login.notification.config.NotificationConfig;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.CheckedTemplate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The emails of a change of address: the confirmation link to the new address, the notice to a new
 * address that already has an account, the notice to the old address with a link that cancels the change
 * when it is asked, and the notice to the old address once the change is made.
 */
@ApplicationScoped
public class EmailAddressChangeEmail {

    private final NotificationConfig config;
    private final EmailContact contact;

    public EmailAddressChangeEmail(NotificationConfig config, EmailContact contact) {
        this.config = config;
        this.contact = contact;
    }

    /**
     * emailAddressChange.html and .txt beside this class's name under templates/.
     *
     * @param link      the confirmation link, or null for the notices
     * @param expiresAt when the link stops working, or null
     */
    @CheckedTemplate
    record emailAddressChange(String subject, String stage, String address, String otherAddress, String link,
                              String expiresAt, String occurredAt, String support, String locale)
            implements MailTemplateInstance {
    }

    /** @param token the link's token (confirmation or cancellation), opened from the event; null for the notices */
    public Uni<Void> send(EmailAddressChange event, String token) {
        EmailLanguage language = EmailLanguage.of(event.locale());
        EmailMessages words = language.words();
        String subject = switch (event.stage()) {
            case CONFIRM_NEW_ADDRESS -> words.subjectConfirmNewAddress();
            case ADDRESS_IN_USE -> words.subjectAddressInUse();
            case CHANGED -> words.subjectAddressChanged();
            case ASKED -> words.subjectAddressChangeAsked();
        };
        String route = event.stage() == EmailAddressChange.Stage.ASKED ? PortalRoutes.EMAIL_CHANGE_CANCELLATION
                : PortalRoutes.EMAIL_CHANGE;
        String link = token == null ? null : PortalRoutes.withToken(config.portalUrl(), route, token);
        var times = language.dateTimeFormat(config.timeZone());
        String expiresAt = event.expiresAt() == null ? null : times.format(event.expiresAt());
        return contact.addressed(language.apply(new emailAddressChange(subject, event.stage().name(), event.email(),
                event.otherEmail(), link, expiresAt, times.format(event.occurredAt()), contact.support(language),
                language.code())), language, event.email(), subject).send();
    }
}
