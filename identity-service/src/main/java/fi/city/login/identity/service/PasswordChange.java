package fi.city.login.identity.service;

import fi.city.login.identity.domain.Account;
import fi.city.login.identity.domain.RecoveryToken;
import fi.city.login.identity.domain.Session;
import fi.city.login.identity.password.PasswordHasher;
import fi.city.login.identity.password.PasswordPolicy;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The settings flow: a logged-in resident changes the password by giving the current one. Every other
 * session of the account ends, every open password link is revoked, and the owner is told by email.
 */
@ApplicationScoped
public class PasswordChange {

    private final SessionLookup sessions;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final BruteForceGuard bruteForce;
    private final PasswordChangedNotice notice;

    public PasswordChange(SessionLookup sessions, PasswordPolicy policy, PasswordHasher hasher,
                          BruteForceGuard bruteForce, PasswordChangedNotice notice) {
        this.sessions = sessions;
        this.policy = policy;
        this.hasher = hasher;
        this.bruteForce = bruteForce;
        this.notice = notice;
    }

    public Uni<Void> change(String sessionToken, String currentPassword, String newPassword, String confirmation) {
        if (!newPassword.equals(confirmation)) {
            return Uni.createFrom().failure(FlowError.PASSWORD_MISMATCH.exception());
        }
        return sessions.current(sessionToken).flatMap(session -> {
            Account account = session.account;
            Instant now = Instant.now();
            bruteForce.checkAccount(account, now);
            policy.check(newPassword, account.email).ifPresent(violation -> {
                throw FlowError.of(violation).exception();
            });
            return hasher.verify(currentPassword, account.passwordHash).flatMap(verification -> {
                if (!verification.matched()) {
                    // A stolen session must not become a way to guess the password.
                    return bruteForce.recordFailure(account, null, now)
                            .flatMap(ignored -> Uni.createFrom().failure(FlowError.INVALID_CREDENTIALS.exception()));
                }
                return hasher.hash(newPassword).flatMap(hash -> Panache.withTransaction(() -> Account.update(
                                "passwordHash = ?1, passwordChangedAt = ?2, updatedAt = ?2, failedLogins = 0, "
                                        + "loginBlockedUntil = null where id = ?3", hash, now, account.id)
                        .flatMap(ignored -> RecoveryToken.revokeOpen(account, now))
                        .flatMap(ignored -> Session.update("revokedAt = ?1 where account = ?2 and id <> ?3 "
                                + "and revokedAt is null", now, account, session.id))
                        .flatMap(ignored -> notice.announce(account, now))));
            });
        });
    }
}
