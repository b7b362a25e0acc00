package fi.city.login.identity.flow.settings;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.settings.RecoveryCodes;
import fi.city.login.identity.api.settings.SecondFactorView;
import fi.city.login.identity.api.settings.TotpEnrolment;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.secondfactor.SecondFactors;
import fi.city.login.identity.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The second factor in the account's settings: set up an authenticator app (after the password again),
 * confirm it with a code it shows (which gives ten recovery codes, and counts as a second factor for the
 * session), make new recovery codes, remove it (each after the password and a code again).
 */
@ApplicationScoped
public class SecondFactorSettings {

    private final Sessions sessions;
    private final SecondFactors secondFactors;
    private final ReauthenticatedChange reauthenticated;
    private final AuditTrail audit;

    public SecondFactorSettings(Sessions sessions, SecondFactors secondFactors, ReauthenticatedChange reauthenticated,
                                AuditTrail audit) {
        this.sessions = sessions;
        this.secondFactors = secondFactors;
        this.reauthenticated = reauthenticated;
        this.audit = audit;
    }

    public Uni<SecondFactorView> status(String sessionToken) {
        return Panache.withSession(() -> sessions.current(sessionToken)
                .flatMap(session -> secondFactors.status(session.account.id))
                .map(status -> new SecondFactorView(status.enrolled(), status.enrolledAt(), status.lastUsedAt(),
                        status.recoveryCodesLeft())));
    }

    /** Refused while an app is set up: remove it first (a second app would be a second secret to steal). */
    public Uni<TotpEnrolment> startEnrolment(String sessionToken, String currentPassword) {
        return Panache.withSession(() -> sessions.current(sessionToken).flatMap(session -> secondFactors.enrolled(session.account.id)))
                .flatMap(enrolled -> enrolled ? Refusal.as(ProblemType.SECOND_FACTOR_ENROLLED)
                        : reauthenticated.run(sessionToken, currentPassword, null,
                        session -> secondFactors.startEnrolment(session.account, Instant.now())))
                .map(enrolment -> new TotpEnrolment(enrolment.keyUri(), enrolment.typeableSecret()));
    }

    /** The session that confirmed the app has shown a second factor: an e-service asking for one gets it. */
    public Uni<RecoveryCodes> confirm(String sessionToken, String code) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> sessions.current(sessionToken).flatMap(session ->
                secondFactors.confirm(session.account.id, code, now)
                        .call(codes -> sessions.addSecondFactor(session))
                        .call(codes -> audit.record(AuditKind.SECOND_FACTOR_ENROLLED, session.account.id,
                                session.clientAddress, "authenticator app"))
                        .map(RecoveryCodes::new)));
    }

    public Uni<RecoveryCodes> newRecoveryCodes(String sessionToken, String currentPassword, String code) {
        return reauthenticated.run(sessionToken, currentPassword, code, session ->
                secondFactors.newRecoveryCodes(session.account.id, Instant.now()).map(RecoveryCodes::new));
    }

    public Uni<Void> remove(String sessionToken, String currentPassword, String code) {
        return reauthenticated.run(sessionToken, currentPassword, code, session -> secondFactors.remove(session.account.id)
                .call(removed -> audit.record(AuditKind.SECOND_FACTOR_REMOVED, session.account.id, session.clientAddress,
                        "authenticator app")));
    }

}
