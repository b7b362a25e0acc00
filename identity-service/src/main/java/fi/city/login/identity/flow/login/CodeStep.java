package fi.city.login.identity.flow.login;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.EmailRequestLimit;
import fi.city.login.identity.bruteforce.EvenAnswerTime;
import fi.city.login.identity.bruteforce.ReservedChecks;
import fi.city.login.identity.credential.PasswordHasher;
import fi.city.login.identity.link.EmailedLink;
import fi.city.login.identity.link.EmailedLinks;
import fi.city.login.identity.link.LinkKind;
import fi.city.login.identity.link.PasswordLinks;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.secondfactor.SecondFactors;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The password step with a login code. A stranger's guesses pause an account for every browser it does not
 * know; its owner on a new phone or in a private window is not refused but mailed a one-time code (8 digits,
 * 10 minutes, single use, 5 tries), and gets in with it and the password: the owner with their mailbox always
 * gets in, the guesser gains nothing. A code is mailed only to an account paused that way, within the limits
 * of every emailed link, and the answer is the same whatever the address. Getting in makes the browser a
 * known one and lifts the pause, as a password link does.
 */
@ApplicationScoped
public class CodeStep {

    private final PasswordLinks passwordLinks;
    private final EmailedLinks links;
    private final EmailRequestLimit emailLimit;
    private final EvenAnswerTime evenAnswerTime;
    private final PasswordHasher hasher;
    private final PasswordStep passwordStep;
    private final SecondFactors secondFactors;

    public CodeStep(PasswordLinks passwordLinks, EmailedLinks links, EmailRequestLimit emailLimit,
                    EvenAnswerTime evenAnswerTime, PasswordHasher hasher, PasswordStep passwordStep,
                    SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.passwordLinks = passwordLinks;
        this.links = links;
        this.emailLimit = emailLimit;
        this.evenAnswerTime = evenAnswerTime;
        this.hasher = hasher;
        this.passwordStep = passwordStep;
    }

    public Uni<Void> requestCode(String rawEmail, String clientAddress) {
        return evenAnswerTime.of(() -> {
            EmailAddress email = EmailAddress.parse(rawEmail);
            Instant now = Instant.now();
            return Panache.withTransaction(() -> emailLimit.allow(clientAddress, now).flatMap(allowed -> !allowed
                    ? Uni.createFrom().voidItem()
                    : Account.findByEmail(email).flatMap(account -> pausedForUnknownBrowsers(account, now)
                    ? passwordLinks.issue(account, LinkKind.LOGIN_CODE) : Uni.createFrom().voidItem())));
        });
    }

    private static boolean pausedForUnknownBrowsers(Account account, Instant now) {
        return account != null && account.state == AccountState.ACTIVE && account.passwordHash != null
                && account.loginBlockedUntil != null && account.loginBlockedUntil.isAfter(now);
    }

    /**
     * Each submission counts one try of the code (committed before the password is hashed, so parallel
     * submissions cannot try more), then checks the code and the password; the code is spent in the
     * session's transaction, so of many right submissions exactly one starts a session.
     */
    public Uni<PasswordStep.Result> logIn(String rawEmail, String code, String password, boolean rememberMe,
                                         String clientAddress, String previousSession, String deviceToken, String browser) {
        EmailAddress email = EmailAddress.parse(rawEmail);
        Instant now = Instant.now();
        return ReservedChecks.runToTheEnd(Panache.withTransaction(() -> Account.findByEmail(email).flatMap(account ->
                        account == null ? Refusal.<EmailedLink>as(ProblemType.LOGIN_CODE_INVALID) : links.countTry(account, now)))
                .flatMap(link -> {
                    if (!links.codeMatches(link, code)) {
                        return Refusal.as(ProblemType.LOGIN_CODE_INVALID);
                    }
                    Account account = link.account;
                    if (account.state == AccountState.DISABLED) {
                        return Refusal.as(ProblemType.ACCOUNT_DISABLED);
                    }
                    return hasher.verify(password, account.passwordHash).flatMap(verification -> !verification.matched()
                            ? Refusal.as(ProblemType.INVALID_CREDENTIALS)
                            : Panache.withSession(() -> secondFactors.enrolled(account.id)).flatMap(enrolled ->
                            passwordStep.next(new PasswordStep.Attempt(account, null, enrolled), password, verification,
                                    rememberMe, clientAddress, previousSession, deviceToken, browser,
                                    () -> links.spend(link, Instant.now()).onFailure(Refusal.class)
                                            .transform(used -> new Refusal(ProblemType.LOGIN_CODE_INVALID)))));
                }));
    }
}
