package fi.city.login.identity.service;

import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.domain.Account;
import fi.city.login.identity.domain.AccountState;
import fi.city.login.identity.domain.EmailAddress;
import fi.city.login.identity.domain.RecoveryToken;
import fi.city.login.identity.domain.Session;
import fi.city.login.identity.password.PasswordHasher;
import fi.city.login.identity.password.PasswordPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * Setting a password from an emailed link: the first password of a migrated or new account, or a
 * forgotten one. Opening the link only inspects it; submitting the new password spends it.
 */
@ApplicationScoped
public class PasswordRecovery {

    private final RecoveryLinks links;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final PasswordChangedNotice notice;

    public PasswordRecovery(RecoveryLinks links, PasswordPolicy policy, PasswordHasher hasher,
                            PasswordChangedNotice notice) {
        this.links = links;
        this.policy = policy;
        this.hasher = hasher;
        this.notice = notice;
    }

    /**
     * "Forgot your password?": sends a link if the address belongs to an account that may have one.
     * Answers the same either way, so the caller learns nothing about which addresses exist.
     */
    public Uni<Void> requestLink(String rawEmail) {
        EmailAddress email = EmailAddress.parse(rawEmail);
        return Panache.withTransaction(() -> Account.findByEmail(email).flatMap(account -> {
            if (account == null || account.state == AccountState.DISABLED) {
                return Uni.createFrom().voidItem();
            }
            Purpose purpose = account.state == AccountState.PENDING_FIRST_PASSWORD
                    ? Purpose.FIRST_LOGIN : Purpose.FORGOTTEN_PASSWORD;
            return links.issue(account, purpose);
        }));
    }

    /** What the set-password page shows; fails with a link problem when the link cannot be used. */
    public Uni<RecoveryToken> inspect(String token) {
        return Panache.withSession(() -> findUsable(token));
    }

    public Uni<Void> setPassword(String token, String password, String confirmation) {
        if (!password.equals(confirmation)) {
            return Uni.createFrom().failure(FlowError.PASSWORD_MISMATCH.exception());
        }
        return inspect(token).flatMap(link -> {
            policy.check(password, link.account.email).ifPresent(violation -> {
                throw FlowError.of(violation).exception();
            });
            // Hash before the transaction: no row is locked while Argon2 runs.
            return hasher.hash(password).flatMap(hash -> Panache.withTransaction(() -> spend(link, hash)));
        });
    }

    private Uni<Void> spend(RecoveryToken link, String passwordHash) {
        Instant now = Instant.now();
        // Conditional update: of two submissions of the same link, exactly one wins.
        return RecoveryToken.update("usedAt = ?1 where id = ?2 and usedAt is null and revokedAt is null and expiresAt > ?1",
                now, link.id).flatMap(spent -> {
            if (spent == 0) {
                return Uni.createFrom().failure(FlowError.LINK_USED.exception());
            }
            return Account.<Account>findById(link.account.id).flatMap(account -> {
                boolean changed = account.passwordHash != null;
                account.passwordHash = passwordHash;
                account.passwordChangedAt = now;
                account.updatedAt = now;
                // Recovery by email is how a resident gets past a brute-force pause.
                account.failedLogins = 0;
                account.loginBlockedUntil = null;
                if (account.state == AccountState.PENDING_FIRST_PASSWORD || account.state == AccountState.LOCKED) {
                    account.state = AccountState.ACTIVE;
                }
                return RecoveryToken.revokeOpen(account, now)
                        .flatMap(ignored -> Session.revokeAll(account, now))
                        .flatMap(ignored -> changed ? notice.announce(account, now) : Uni.createFrom().voidItem());
            });
        });
    }

    private Uni<RecoveryToken> findUsable(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Uni.createFrom().failure(FlowError.LINK_INVALID.exception());
        }
        return RecoveryToken.findByHash(SecureTokens.hash(token)).map(link -> {
            if (link == null) {
                throw FlowError.LINK_INVALID.exception();
            }
            return switch (link.status(Instant.now())) {
                case OPEN -> link;
                case EXPIRED -> throw FlowError.LINK_EXPIRED.exception();
                case USED, REVOKED -> throw FlowError.LINK_USED.exception();
            };
        });
    }
}
