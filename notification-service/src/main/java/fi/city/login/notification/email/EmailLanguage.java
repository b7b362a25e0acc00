package fi.city.login.notification.email;

import fi.city.login.facts.Languages;
import io.quarkus.mailer.MailTemplate.MailTemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The language an email is written in: the account's, if the suite speaks it, else Finnish. */
record EmailLanguage(String code) {

    static EmailLanguage of(String accountLocale) {
        return new EmailLanguage(Languages.spokenOrDefault(accountLocale));
    }

    EmailMessages words() {
        return code.equals(Languages.DEFAULT) ? MessageBundles.get(EmailMessages.class)
                : MessageBundles.get(EmailMessages.class, Localized.Literal.of(code));
    }

    /** Times as the resident reads them: in the city's zone, in the language's own way. */
    DateTimeFormatter dateTimeFormat(ZoneId zone) {
        return DateTimeFormatter.ofPattern(words().dateTimePattern(), Locale.forLanguageTag(code)).withZone(zone);
    }

    /** Makes the template's {@code email:} messages speak this language. */
    <T extends MailTemplateInstance> T apply(T mail) {
        mail.setAttribute("locale", Locale.forLanguageTag(code));
        return mail;
    }
}
