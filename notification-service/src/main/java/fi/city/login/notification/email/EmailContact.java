package fi.city.login.notification.email;

import fi.city.login.facts.SupportContact;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who an email is from and whom to contact, in the email's language: the sender's name is the service's
 * name in that language (the address is {@code quarkus.mailer.from}'s), and the support contact is the
 * one the portal shows ({@code city.support.*}, {@link SupportContact}).
 */
@ApplicationScoped
class EmailContact {

    private final SupportContact support;
    private final String senderAddress;

    EmailContact(SupportContact support, @ConfigProperty(name = "quarkus.mailer.from") String from) {
        this.support = support;
        int open = from.lastIndexOf('<');
        this.senderAddress = open < 0 ? from.strip() : from.substring(open + 1, from.indexOf('>', open)).strip();
    }

    /** "Asiointipalvelun tuki, puh. 09 123 4567, tuki@city.example", in the email's language. */
    String support(EmailLanguage language) {
        return language.words().supportContact(support.name(language.code()), support.phone(), support.email());
    }

    /** Addresses the mail to its recipient, from the service under its name in the email's language. */
    MailTemplateInstance addressed(MailTemplateInstance mail, EmailLanguage language, String to, String subject) {
        return mail.to(to).from(language.words().signature() + " <" + senderAddress + ">").subject(subject);
    }
}
