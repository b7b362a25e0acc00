package fi.city.login.identity.credential;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.BruteForceGuard;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.secondfactor.SecondFactors;
import fi.city.login.identity.session.Session;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The current password asked again before a change that could hand the account to someone else (a new
 * password, a new address, confirming a new address, a factor added or removed), with the second factor
 * when the account has one. A stolen session must not become a way to guess the
 * password: each check counts as a login's, reserved before it is hashed, and a wrong one is refused as a
 * wrong login is. The flow opens the transactions: the reservation's, then the change's.
 */
@ApplicationScoped
public class Reauthentication {

    private final PasswordHasher hasher;
    private final BruteForceGuard bruteForce;
    private final SecondFactors secondFactors;

    public Reauthentication(PasswordHasher hasher, BruteForceGuard bruteForce, SecondFactors secondFactors) {
        this.secondFactors = secondFactors;
        this.hasher = hasher;
        this.bruteForce = bruteForce;
    }

    /**
     * Reserves the check, in the caller's transaction: refused with 429 while the account is paused. When the
     * account has a second factor, its code is required and its guess reserved too (refused while paused).
     */
    public Uni<Void> reserve(Session session, String secondFactorCode, Instant now) {
        return bruteForce.reserveCheck(session.account, null, now)
                .flatMap(reserved -> secondFactors.enrolled(session.account.id))
                .flatMap(enrolled -> {
                    if (!enrolled) {
                        return Uni.createFrom().voidItem();
                    }
                    return secondFactorCode == null || secondFactorCode.isBlank()
                            ? Refusal.as(ProblemType.SECOND_FACTOR_CODE_INVALID)
                            : secondFactors.reserveGuess(session.account.id, now);
                });
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

    /**
     * The password was right: the account's count starts again, and the second factor's code, when the
     * account has one, is spent (refused when wrong or used, which rolls the change back). Runs in the
     * caller's transaction.
     */
    public Uni<Void> giveBack(Session session, String secondFactorCode, Instant now) {
        return bruteForce.recordSuccess(session.account, null, null, now)
                .flatMap(givenBack -> secondFactors.enrolled(session.account.id))
                .flatMap(enrolled -> enrolled
                        ? secondFactors.check(session.account.id, secondFactorCode, now).replaceWithVoid()
                        : Uni.createFrom().voidItem());
    }
}
