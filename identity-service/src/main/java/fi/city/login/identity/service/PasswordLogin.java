package fi.city.login.identity.service;

import fi.city.login.identity.config.TokenConfig;
import fi.city.login.identity.domain.Account;
import fi.city.login.identity.domain.AccountState;
import fi.city.login.identity.domain.EmailAddress;
import fi.city.login.identity.domain.Session;
import fi.city.login.identity.password.PasswordHasher;
import fi.city.login.identity.password.PasswordHasher.Verification;
import fi.city.login.identity.token.AccessTokenIssuer;
import fi.city.login.identity.token.AccessTokenIssuer.AccessToken;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Login with email and password: one indexed read of the account with its credential (and its
 * brute-force count), one Argon2id verification on the hashing pool, one write of the session. The
 * client address's brute-force count is one more read by primary key.
 */
@ApplicationScoped
public class PasswordLogin {

    private final PasswordHasher hasher;
    private final AccessTokenIssuer tokens;
    private final TokenConfig config;
    private final BruteForceGuard bruteForce;

    public PasswordLogin(PasswordHasher hasher, AccessTokenIssuer tokens, TokenConfig config, BruteForceGuard bruteForce) {
        this.hasher = hasher;
        this.tokens = tokens;
        this.config = config;
        this.bruteForce = bruteForce;
    }

    /**
     * @param clientAddress the resident's address as the portal saw it, for brute-force protection; may be null
     */
    public Uni<LoginResult> login(String rawEmail, String password, boolean rememberMe, String clientAddress) {
        EmailAddress email = EmailAddress.parse(rawEmail);
        Instant now = Instant.now();
        // The read's session (and its pooled connection) is closed before hashing starts, so that a burst
        // of logins waits on the bounded hashing pool, which answers 503 when full, not on the database pool.
        return Panache.withSession(() -> bruteForce.checkAddress(clientAddress, now)
                .flatMap(ignored -> Account.findByEmail(email))).flatMap(account -> {
            if (account == null || account.passwordHash == null) {
                // Same work as a real check, so that timing does not tell which addresses exist.
                return hasher.verifyAgainstDecoy(password)
                        .flatMap(ignored -> bruteForce.recordFailure(null, clientAddress, now))
                        .flatMap(ignored -> invalidCredentials());
            }
            bruteForce.checkAccount(account, now);
            return hasher.verify(password, account.passwordHash).flatMap(verification -> {
                if (!verification.matched()) {
                    return bruteForce.recordFailure(account, clientAddress, now).flatMap(ignored -> invalidCredentials());
                }
                if (account.state == AccountState.DISABLED) {
                    return Uni.createFrom().failure(FlowError.ACCOUNT_DISABLED.exception());
                }
                return startSession(account, password, verification, rememberMe);
            });
        });
    }

    private Uni<LoginResult> startSession(Account account, String password, Verification verification,
                                          boolean rememberMe) {
        Uni<String> rehashed = verification == Verification.MATCHED_NEEDS_REHASH
                ? hasher.hash(password) : Uni.createFrom().nullItem();
        Instant now = Instant.now();
        String sessionToken = SecureTokens.generate();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.account = account;
        session.tokenHash = SecureTokens.hash(sessionToken);
        session.persistent = rememberMe;
        session.createdAt = now;
        session.expiresAt = now.plus(rememberMe ? config.persistentSessionLifetime() : config.browserSessionLifetime());
        return rehashed.flatMap(newHash -> Panache.withTransaction(() -> session.persist()
                        .flatMap(saved -> bruteForce.recordSuccess(account))
                        .flatMap(ignored -> newHash == null ? Uni.createFrom().voidItem()
                                : Account.update("passwordHash = ?1 where id = ?2", newHash, account.id).replaceWithVoid())))
                .map(ignored -> new LoginResult(sessionToken, session, tokens.issue(account)));
    }

    private static <T> Uni<T> invalidCredentials() {
        return Uni.createFrom().failure(FlowError.INVALID_CREDENTIALS.exception());
    }

    /** The raw session token goes to the portal's cookie; only its hash is stored. */
    public record LoginResult(String sessionToken, Session session, AccessToken accessToken) {
    }
}
