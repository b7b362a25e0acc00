package fi.city.login.identity.credential;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.BruteForceGuard;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.session.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The current password asked again before a change that could hand the account to someone else (a new
 * password, a new address, confirming a new address). A stolen session must not become a way to guess the
 * password: each check counts as a login's, reserved before it is hashed, and a wrong one is refused as a
 * wrong login is. The flow opens the transactions: the reservation's, then the change's.
 */
@ApplicationScoped
public class Reauthentication {

    private final PasswordHasher hasher;
    private final BruteForceGuard bruteForce;

    public Reauthentication(PasswordHasher hasher, BruteForceGuard bruteForce) {
        this.hasher = hasher;
        this.bruteForce = bruteForce;
    }

    /** Reserves the check, in the caller's transaction: refused with 429 while the account is paused. */
    public Uni<Void> reserve(Session session, Instant now) {
        return bruteForce.reserveCheck(session.account, null, now);
    }

    /**
     * Succeeds when the password is the session's account's; hashes on the hashing pool, outside any
     * transaction. The reservation is kept when the password is right: the change that follows gives it
     * back ({@link #giveBack}), or a new password resets the count anyway.
     */
    public Uni<Void> verify(Session session, String currentPassword) {
        return hasher.verify(currentPassword, session.account.passwordHash)
                .flatMap(verification -> verification.matched() ? Uni.createFrom().voidItem()
                        : Refusal.as(ProblemType.INVALID_CREDENTIALS));
    }

    /** The password was right: the account's count starts again. Runs in the caller's transaction. */
    public Uni<Void> giveBack(Session session, Instant now) {
        return bruteForce.recordSuccess(session.account, null, null, now);
    }
}
