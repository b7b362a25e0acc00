package fi.city.login.identity.flow.registration;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.account.Locales;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.EmailRequestLimit;
import fi.city.login.identity.bruteforce.EvenAnswerTime;
import fi.city.login.identity.link.LinkKind;
import fi.city.login.identity.link.PasswordLinks;
import fi.city.login.identity.problem.Refusal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * "Luo uusi käyttäjätunnus": a resident without an account creates one with their email and name; the
 * emailed link proves the address and sets the first password. The answer is the same whether or not
 * the address had an account: one that had gets the link it needs instead (first login or forgotten
 * password), so registration cannot be used to find out who has an account.
 */
@ApplicationScoped
public class Registration {

    private static final int MAX_NAME_LENGTH = 200;

    private final PasswordLinks links;
    private final EmailRequestLimit emailLimit;
    private final EvenAnswerTime evenAnswerTime;

    public Registration(PasswordLinks links, EmailRequestLimit emailLimit, EvenAnswerTime evenAnswerTime) {
        this.links = links;
        this.emailLimit = emailLimit;
        this.evenAnswerTime = evenAnswerTime;
    }

    /** Past the address's hourly limit of emails nothing is created or sent, and the answer is the same. */
    public Uni<Void> register(String rawEmail, String rawName, String locale, String clientAddress) {
        return evenAnswerTime.of(() -> registerNow(EmailAddress.parse(rawEmail), rawName, locale, clientAddress));
    }

    private Uni<Void> registerNow(EmailAddress email, String rawName, String locale, String clientAddress) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            return Refusal.as(ProblemType.INVALID_NAME);
        }
        return Panache.withTransaction(() -> emailLimit.allow(clientAddress, Instant.now()).flatMap(allowed -> !allowed
                ? Uni.createFrom().voidItem() : Account.findByEmail(email).flatMap(existing -> {
            if (existing == null) {
                Account account = Account.pending(email, name, Locales.supportedOrDefault(locale), Instant.now());
                return account.persist().flatMap(saved -> links.issue(account, LinkKind.NEW_ACCOUNT));
            }
            return switch (existing.state) {
                case PENDING_FIRST_PASSWORD -> links.issue(existing, LinkKind.FIRST_LOGIN);
                case ACTIVE -> links.issue(existing, LinkKind.FORGOTTEN_PASSWORD);
                case DISABLED -> Uni.createFrom().voidItem();
            };
        })))
                // Two registrations of one address at once: the other one created the account and sent the link.
                .onFailure(Account::isAddressTaken).recoverWithNull().replaceWithVoid();
    }
}
