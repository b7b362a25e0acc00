package fi.city.login.identity.flow.login;

import fi.city.login.events.NoAccountNotice.Asked;
import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.api.login.IdentifierResponse.NextStep;
import fi.city.login.identity.bruteforce.EmailRequestLimit;
import fi.city.login.identity.bruteforce.EvenAnswerTime;
import fi.city.login.identity.link.PasswordLinks;
import fi.city.login.identity.notice.NoAccountNotices;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The first screen of login: the resident gives an email address and learns what comes next. An account
 * carried over from the old system gets its first-password link here.
 */
@ApplicationScoped
public class IdentifierStep {

    private final PasswordLinks links;
    private final EmailRequestLimit emailLimit;
    private final LoginConfig config;
    private final EvenAnswerTime evenAnswerTime;
    private final NoAccountNotices noAccountNotices;

    public IdentifierStep(PasswordLinks links, EmailRequestLimit emailLimit, LoginConfig config,
                          EvenAnswerTime evenAnswerTime, NoAccountNotices noAccountNotices) {
        this.links = links;
        this.emailLimit = emailLimit;
        this.config = config;
        this.evenAnswerTime = evenAnswerTime;
        this.noAccountNotices = noAccountNotices;
    }

    /**
     * @param locale        the page's language, for the email a new answer sends to an unknown address
     * @param clientAddress the resident's address, for the limit on emails per address
     */
    public Uni<NextStep> identify(String rawEmail, String locale, String clientAddress) {
        return evenAnswerTime.of(() -> {
            EmailAddress email = EmailAddress.parse(rawEmail);
            return Panache.withTransaction(() -> answer(email, locale, clientAddress));
        });
    }

    private Uni<NextStep> answer(EmailAddress email, String locale, String clientAddress) {
        boolean reveal = config.revealUnknownAddresses();
        return Account.findByEmail(email).flatMap(account -> {
            if (account == null && reveal) {
                return Uni.createFrom().item(NextStep.NOT_RECOGNISED);
            }
            if (account == null) {
                // The screen may not say that the address has no account; an email to it does.
                Instant now = Instant.now();
                return emailLimit.allow(clientAddress, now)
                        .flatMap(allowed -> allowed ? noAccountNotices.send(email, locale, Asked.LOGIN, now) : Uni.createFrom().voidItem())
                        .replaceWith(NextStep.PASSWORD_OR_LINK_SENT);
            }
            return switch (account.state) {
                // Past the address's hourly limit nothing is sent, and the answer is the same.
                case PENDING_FIRST_PASSWORD -> emailLimit.allow(clientAddress, Instant.now())
                        .flatMap(allowed -> allowed ? links.issue(account, Purpose.FIRST_LOGIN) : Uni.createFrom().voidItem())
                        .replaceWith(reveal ? NextStep.LINK_SENT : NextStep.PASSWORD_OR_LINK_SENT);
                case ACTIVE, DISABLED -> Uni.createFrom().item(reveal ? NextStep.PASSWORD : NextStep.PASSWORD_OR_LINK_SENT);
            };
        });
    }
}
