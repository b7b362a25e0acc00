package fi.city.login.identity.flow.login;

import fi.city.login.events.NoAccountNotice.Asked;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.account.LegacyUsername;
import fi.city.login.identity.api.login.IdentifierResponse;
import fi.city.login.identity.api.login.IdentifierResponse.NextStep;
import fi.city.login.identity.bruteforce.EmailRequestLimit;
import fi.city.login.identity.bruteforce.EvenAnswerTime;
import fi.city.login.identity.link.LinkKind;
import fi.city.login.identity.link.PasswordLinks;
import fi.city.login.identity.notice.NoAccountNotices;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The first screen of login: the resident gives an email address (or the old system's username) and learns
 * what comes next. An account carried over from the old system gets its first-password link here.
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
     * @param typed         what the resident typed as their username: their email address, or a username
     *                      of the old system (anything without an {@code @})
     * @param locale        the page's language, for the email a new answer sends to an unknown address
     * @param clientAddress the resident's address, for the limit on emails per address
     */
    public Uni<IdentifierResponse> identify(String typed, String locale, String clientAddress) {
        return evenAnswerTime.of(() -> {
            if (LegacyUsername.isTyped(typed)) {
                return Panache.withTransaction(() -> answerLegacyUsername(typed.strip(), clientAddress));
            }
            EmailAddress email = EmailAddress.parse(typed);
            return Panache.withTransaction(() -> answer(email, locale, clientAddress)).map(IdentifierResponse::new);
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
                case PENDING_FIRST_PASSWORD -> sendFirstLoginLink(account, clientAddress)
                        .replaceWith(reveal ? NextStep.LINK_SENT : NextStep.PASSWORD_OR_LINK_SENT);
                case ACTIVE, DISABLED -> Uni.createFrom().item(reveal ? NextStep.PASSWORD : NextStep.PASSWORD_OR_LINK_SENT);
            };
        });
    }

    /**
     * A resident who types the old username learns that the username is now their email address, shown
     * masked; an account still without a password is sent its first-login link there, as by its address.
     * With unknown addresses hidden, nothing tells a known username from an unknown one.
     */
    private Uni<IdentifierResponse> answerLegacyUsername(String username, String clientAddress) {
        boolean reveal = config.revealUnknownAddresses();
        IdentifierResponse hidden = new IdentifierResponse(NextStep.USERNAME_IS_EMAIL_OR_LINK_SENT);
        return Account.findByLegacyUsername(username).flatMap(account -> {
            if (account == null) {
                return Uni.createFrom().item(reveal ? new IdentifierResponse(NextStep.NOT_RECOGNISED) : hidden);
            }
            return switch (account.state) {
                case PENDING_FIRST_PASSWORD -> sendFirstLoginLink(account, clientAddress).replaceWith(reveal
                        ? new IdentifierResponse(NextStep.USERNAME_IS_EMAIL_LINK_SENT, account.maskedEmail()) : hidden);
                case ACTIVE, DISABLED -> Uni.createFrom().item(reveal
                        ? new IdentifierResponse(NextStep.USERNAME_IS_EMAIL, account.maskedEmail()) : hidden);
            };
        });
    }

    private Uni<Void> sendFirstLoginLink(Account account, String clientAddress) {
        return emailLimit.allow(clientAddress, Instant.now())
                .flatMap(allowed -> allowed ? links.issue(account, LinkKind.FIRST_LOGIN) : Uni.createFrom().voidItem());
    }
}
