package fi.city.login.identity.flow.login;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.BruteForceGuard;
import fi.city.login.identity.credential.PasswordHasher;
import fi.city.login.identity.credential.PasswordHasher.Verification;
import fi.city.login.identity.credential.PasswordUpdate;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.session.Sessions;
import fi.city.login.identity.token.AccessTokenIssuer;
import fi.city.login.identity.token.AccessTokenIssuer.AccessToken;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The password step: one indexed read of the account with its credential (and its brute-force count),
 * one Argon2id verification on the hashing pool, one write of the session. The client address's
 * brute-force count is one more read by primary key.
 */
@ApplicationScoped
public class PasswordLogin {

    private final PasswordHasher hasher;
    private final PasswordUpdate passwordUpdate;
    private final Sessions sessions;
    private final AccessTokenIssuer tokens;
    private final BruteForceGuard bruteForce;

    public PasswordLogin(PasswordHasher hasher, PasswordUpdate passwordUpdate, Sessions sessions,
                         AccessTokenIssuer tokens, BruteForceGuard bruteForce) {
        this.hasher = hasher;
        this.passwordUpdate = passwordUpdate;
        this.sessions = sessions;
        this.tokens = tokens;
        this.bruteForce = bruteForce;
    }

    /**
     * @param clientAddress the resident's address as the portal saw it, for brute-force protection; may be null
     */
    public Uni<Result> logIn(String rawEmail, String password, boolean rememberMe, String clientAddress) {
        EmailAddress email = EmailAddress.parse(rawEmail);
        Instant now = Instant.now();
        // The read's session (and its pooled connection) is closed before hashing starts, so that a burst
        // of logins waits on the bounded hashing pool, which answers 503 when full, not on the database pool.
        return Panache.withSession(() -> bruteForce.checkAddress(clientAddress, now)
                .flatMap(ignored -> Account.findByEmail(email))).flatMap(account -> {
            if (account == null || account.passwordHash == null) {
                // Same work as a real check, so that timing does not tell which addresses exist.
                return hasher.verifyAgainstDecoy(password)
                        .flatMap(ignored -> Panache.withTransaction(() -> bruteForce.recordFailure(null, clientAddress, now)))
                        .flatMap(ignored -> Refusal.as(ProblemType.INVALID_CREDENTIALS));
            }
            bruteForce.checkAccount(account, now);
            return hasher.verify(password, account.passwordHash).flatMap(verification -> {
                if (!verification.matched()) {
                    return Panache.withTransaction(() -> bruteForce.recordFailure(account, clientAddress, now))
                            .flatMap(ignored -> Refusal.as(ProblemType.INVALID_CREDENTIALS));
                }
                if (account.state == AccountState.DISABLED) {
                    return Refusal.as(ProblemType.ACCOUNT_DISABLED);
                }
                return startSession(account, password, verification, rememberMe);
            });
        });
    }

    private Uni<Result> startSession(Account account, String password, Verification verification, boolean rememberMe) {
        Uni<String> rehashed = verification == Verification.MATCHED_NEEDS_REHASH
                ? hasher.hash(password) : Uni.createFrom().nullItem();
        return rehashed.flatMap(newHash -> Panache.withTransaction(() -> sessions.start(account, rememberMe, Instant.now())
                        .call(started -> bruteForce.recordSuccess(account))
                        .call(started -> newHash == null ? Uni.createFrom().voidItem()
                                : passwordUpdate.rehash(account, newHash))))
                .map(started -> new Result(started, tokens.issue(account)));
    }

    public record Result(Sessions.Started session, AccessToken accessToken) {
    }
}
