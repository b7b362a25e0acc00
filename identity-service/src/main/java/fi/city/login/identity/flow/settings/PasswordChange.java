package fi.city.login.identity.flow.settings;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.ReservedChecks;
import fi.city.login.identity.credential.PasswordHasher;
import fi.city.login.identity.credential.PasswordPolicy;
import fi.city.login.identity.credential.PasswordUpdate;
import fi.city.login.identity.credential.Reauthentication;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The settings flow's password change: a logged-in resident gives the current password and a new one.
 * The session it is made in stays; everything else a new password ends, ends (see {@link PasswordUpdate}).
 */
@ApplicationScoped
public class PasswordChange {

    private final Sessions sessions;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final Reauthentication reauthentication;
    private final PasswordUpdate passwordUpdate;

    public PasswordChange(Sessions sessions, PasswordPolicy policy, PasswordHasher hasher, Reauthentication reauthentication,
                          PasswordUpdate passwordUpdate) {
        this.sessions = sessions;
        this.policy = policy;
        this.hasher = hasher;
        this.reauthentication = reauthentication;
        this.passwordUpdate = passwordUpdate;
    }

    public Uni<Void> change(String sessionToken, String currentPassword, String newPassword, String confirmation,
                           String secondFactorCode) {
        if (!newPassword.equals(confirmation)) {
            return Refusal.as(ProblemType.PASSWORD_MISMATCH);
        }
        // The session is read and closed before hashing: no connection is held while Argon2 runs.
        return Panache.withSession(() -> sessions.current(sessionToken)).flatMap(session -> {
            Account account = session.account;
            policy.requireAcceptable(newPassword, account.email);
            // The new password resets the count (PasswordUpdate), which gives the reservation back.
            return ReservedChecks.runToTheEnd(Panache.withTransaction(() -> reauthentication.reserve(session, secondFactorCode, Instant.now()))
                    .flatMap(reserved -> reauthentication.verify(session, currentPassword))
                    .flatMap(verified -> hasher.hash(newPassword))
                    .flatMap(hash -> Panache.withTransaction(() -> reauthentication.giveBack(session, secondFactorCode, Instant.now())
                            .flatMap(spent -> passwordUpdate.set(account, hash, session.id, Instant.now())))));
        });
    }
}
