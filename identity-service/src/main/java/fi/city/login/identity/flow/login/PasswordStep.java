package fi.city.login.identity.flow.login;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.BruteForceGuard;
import fi.city.login.identity.bruteforce.KnownDevice;
import fi.city.login.identity.bruteforce.KnownDevices;
import fi.city.login.identity.bruteforce.ReservedChecks;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.credential.HashingOverloadedException;
import fi.city.login.identity.credential.PasswordHasher;
import fi.city.login.identity.credential.PasswordHasher.Verification;
import fi.city.login.identity.credential.PasswordUpdate;
import fi.city.login.identity.link.LinkKind;
import fi.city.login.identity.link.PasswordLinks;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.secondfactor.SecondFactors;
import fi.city.login.identity.session.AuthenticationMethods;
import fi.city.login.identity.session.Sessions;
import fi.city.login.identity.token.AccessTokenIssuer;
import fi.city.login.identity.token.AccessTokenIssuer.AccessToken;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * The password step: one indexed read of the account with its credential, one atomic reservation of
 * the check against the account's and the address's brute-force limits, one Argon2id verification on
 * the hashing pool, then the next step: the session (one write), or, for an account with a second factor,
 * a login flow waiting at that step.
 */
@ApplicationScoped
public class PasswordStep {

    private final PasswordHasher hasher;
    private final PasswordUpdate passwordUpdate;
    private final Sessions sessions;
    private final AccessTokenIssuer tokens;
    private final BruteForceGuard bruteForce;
    private final KnownDevices knownDevices;
    private final AuditTrail audit;
    private final SecondFactors secondFactors;
    private final LoginFlows flows;
    private final PasswordLinks passwordLinks;
    private final LoginConfig loginConfig;

    public PasswordStep(PasswordHasher hasher, PasswordUpdate passwordUpdate, Sessions sessions,
                         AccessTokenIssuer tokens, BruteForceGuard bruteForce, KnownDevices knownDevices, AuditTrail audit,
                         SecondFactors secondFactors, LoginFlows flows, PasswordLinks passwordLinks, LoginConfig loginConfig) {
        this.passwordLinks = passwordLinks;
        this.loginConfig = loginConfig;
        this.audit = audit;
        this.secondFactors = secondFactors;
        this.flows = flows;
        this.hasher = hasher;
        this.passwordUpdate = passwordUpdate;
        this.sessions = sessions;
        this.tokens = tokens;
        this.bruteForce = bruteForce;
        this.knownDevices = knownDevices;
    }

    /**
     * @param clientAddress the resident's address as the portal saw it, for brute-force protection; may be null
     * @param deviceToken the browser's device cookie, if any: a known browser of the account is counted on
     *                    its own, so a stranger's guesses do not pause it
     * @param browser     the browser's User-Agent as the portal saw it, for the resident's list of sessions
     */
    public Uni<Result> logIn(String rawEmail, String password, boolean rememberMe, String clientAddress,
                             String previousSession, String deviceToken, String browser) {
        EmailAddress email = EmailAddress.parse(rawEmail);
        Instant now = Instant.now();
        // The database work before hashing (the reads, then the reservation of this check) is committed
        // and its connection returned before hashing starts, so that a burst of logins waits on the bounded
        // hashing pool, which answers 503 when full, not on the database pool.
        return Panache.withSession(() -> Account.findByEmail(email).flatMap(found -> {
            Account account = found == null || found.passwordHash == null ? null : found;
            return knownDevices.find(deviceToken, account).flatMap(device -> account == null
                    ? Uni.createFrom().item(new Attempt(null, device, false))
                    : secondFactors.enrolled(account.id).map(enrolled -> new Attempt(account, device, enrolled)));
        })).flatMap(attempt -> ReservedChecks.runToTheEnd(Panache.withTransaction(() -> attempt.account() == null
                        ? bruteForce.reserveCheckOfNoAccount(email, clientAddress, now)
                        : bruteForce.reserveCheck(attempt.account(), attempt.device(), clientAddress, now))
                .flatMap(reserved -> (attempt.account() == null ? decoyCheck(password)
                        : check(attempt, password, rememberMe, clientAddress, previousSession, deviceToken, browser))
                        // Told to come back, the caller had no password checked: nothing is counted.
                        .onFailure(HashingOverloadedException.class).call(busy -> Panache.withTransaction(() ->
                                bruteForce.cancelCheck(attempt.account(), attempt.device(), email, clientAddress))))
                .onFailure(Refusal.class).call(refused -> auditRefusal(attempt, (Refusal) refused, clientAddress))));
    }

    /**
     * A wrong password on an account that exists goes into its audit trail (in a transaction of its own);
     * the one that reaches the limit starts the pause, so the trail shows the pause as its last failure.
     * Refusals during a pause are not recorded one by one: each would be a write that a guesser causes
     * for free.
     */
    private Uni<Void> auditRefusal(Attempt attempt, Refusal refused, String clientAddress) {
        if (refused.type() != ProblemType.INVALID_CREDENTIALS || attempt.account() == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.withTransaction(() -> audit.record(AuditKind.LOGIN_FAILED, attempt.account().id, clientAddress,
                attempt.device() == null ? "unknown browser" : "known browser"));
    }

    /** Whose password is to be checked, from which known browser of theirs (if any), and whether a second factor follows. */
    record Attempt(Account account, KnownDevice device, boolean secondFactor) {
    }

    /** No password to compare with: the same work as a real check, so that timing does not tell which addresses exist. */
    private Uni<Result> decoyCheck(String password) {
        return hasher.verifyAgainstDecoy(password).flatMap(ignored -> Refusal.as(ProblemType.INVALID_CREDENTIALS));
    }

    private Uni<Result> check(Attempt attempt, String password, boolean rememberMe, String clientAddress,
                              String previousSession, String deviceToken, String browser) {
        Account account = attempt.account();
        return hasher.verify(password, account.passwordHash).flatMap(verification -> {
            if (!verification.matched()) {
                return Refusal.as(ProblemType.INVALID_CREDENTIALS); // counted by its reservation
            }
            if (account.state == AccountState.DISABLED) {
                return Refusal.as(ProblemType.ACCOUNT_DISABLED);
            }
            return next(attempt, password, verification, rememberMe, clientAddress, previousSession, deviceToken,
                    browser, () -> Uni.createFrom().voidItem());
        });
    }

    /**
     * The password was right: on to the session, or to the second factor when the account has one.
     *
     * @param alsoInTheTransaction what else the step writes, in the same transaction (a login code spent)
     */
    Uni<Result> next(Attempt attempt, String password, Verification verification, boolean rememberMe,
                     String clientAddress, String previousSession, String deviceToken, String browser,
                     Supplier<Uni<Void>> alsoInTheTransaction) {
        return attempt.secondFactor()
                ? awaitSecondFactor(attempt, password, verification, rememberMe, clientAddress, alsoInTheTransaction)
                : startSession(attempt, password, verification, rememberMe, clientAddress, previousSession, deviceToken,
                browser, AuthenticationMethods.PASSWORD, alsoInTheTransaction);
    }

    /**
     * The password is right, so its count starts again; what is left is a flow waiting for the second factor,
     * whose guesses are counted on their own.
     */
    private Uni<Result> awaitSecondFactor(Attempt attempt, String password, Verification verification, boolean rememberMe,
                                          String clientAddress, Supplier<Uni<Void>> alsoInTheTransaction) {
        Account account = attempt.account();
        Instant now = Instant.now();
        return rehash(password, verification).flatMap(newHash -> Panache.withTransaction(() -> alsoInTheTransaction.get()
                .call(done -> bruteForce.recordSuccess(account, attempt.device(), clientAddress, now))
                .call(done -> newHash == null ? Uni.createFrom().voidItem() : passwordUpdate.rehash(account, newHash))
                .flatMap(done -> flows.open(account, AuthenticationMethods.PASSWORD, LoginStepName.SECOND_FACTOR,
                        rememberMe, now))
                .map(Result::waitingFor)));
    }

    private Uni<String> rehash(String password, Verification verification) {
        return verification == Verification.MATCHED_NEEDS_REHASH ? hasher.hash(password) : Uni.createFrom().nullItem();
    }

    /**
     * A browser holds one session: the one it had before this login ends as the new one starts. A browser
     * that was not known to the account becomes known (a new device token for its cookie).
     *
     * @param amr                  how the resident proved who they are (RFC 8176 values)
     * @param alsoInTheTransaction what else the login writes, in the session's transaction (a login code or
     *                             a second factor's code spent, a login flow finished)
     */
    Uni<Result> startSession(Attempt attempt, String password, Verification verification, boolean rememberMe,
                             String clientAddress, String previousSession, String deviceToken, String browser,
                             String amr, Supplier<Uni<Void>> alsoInTheTransaction) {
        Account account = attempt.account();
        Instant now = Instant.now();
        return rehash(password, verification).flatMap(newHash -> Panache.withTransaction(() -> alsoInTheTransaction.get()
                        .flatMap(done -> sessions.end(previousSession, now))
                        .flatMap(ended -> sessions.start(account, rememberMe, clientAddress, browser, amr, now))
                        .call(started -> bruteForce.recordSuccess(account, attempt.device(), clientAddress, now))
                        .call(started -> audit.record(AuditKind.LOGIN_SUCCEEDED, account.id, clientAddress,
                                attempt.device() == null ? "new browser" : "known browser"))
                        .call(started -> newHash == null ? Uni.createFrom().voidItem()
                                : passwordUpdate.rehash(account, newHash))
                        .call(started -> attempt.device() != null ? Uni.createFrom().voidItem() : tellOfNewBrowser(account, browser))
                        .flatMap(started -> (attempt.device() != null ? Uni.createFrom().item(deviceToken)
                                : knownDevices.remember(account, now))
                                .map(device -> new Result(started, tokens.issue(account), device, null)))));
    }

    /**
     * A browser the account does not know, when it knows others (the first browser of an account tells no one
     * anything new): its owner is mailed when and with what, and a link for "it wasn't me". Within the limits
     * of every emailed link, so logins cannot flood the mailbox.
     */
    private Uni<Void> tellOfNewBrowser(Account account, String browser) {
        if (!loginConfig.newBrowserNotice()) {
            return Uni.createFrom().voidItem();
        }
        return KnownDevice.count("account.id", account.id)
                .flatMap(known -> known == 0 ? Uni.createFrom().voidItem() : passwordLinks.issue(account, LinkKind.NEW_BROWSER, browser));
    }

    /**
     * The session started, the resident's access token and the device token for the browser's cookie; or,
     * when a step is left, only the flow that waits for it.
     */
    public record Result(Sessions.Started session, AccessToken accessToken, String deviceToken, LoginFlows.Opened flow) {

        static Result waitingFor(LoginFlows.Opened flow) {
            return new Result(null, null, null, flow);
        }
    }
}
