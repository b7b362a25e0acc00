package fi.city.login.identity.flow.login;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.bruteforce.KnownDevices;
import fi.city.login.identity.bruteforce.ReservedChecks;
import fi.city.login.identity.credential.PasswordHasher.Verification;
import fi.city.login.identity.passkey.Passkeys;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.secondfactor.SecondFactors;
import fi.city.login.identity.session.AuthenticationMethods;
import fi.city.login.identity.session.Session;
import fi.city.login.identity.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The second-factor step: the flow the password step left, and a code of the authenticator app or a
 * recovery code. The guess is counted (committed) first; the code is spent, the flow finished and the
 * session started in one transaction, so of parallel submissions of one right code exactly one gets in.
 */
@ApplicationScoped
public class SecondFactorStep {

    private final LoginFlows flows;
    private final SecondFactors secondFactors;
    private final KnownDevices knownDevices;
    private final PasswordStep passwordStep;
    private final AuditTrail audit;
    private final Sessions sessions;
    private final Passkeys passkeys;

    public SecondFactorStep(LoginFlows flows, SecondFactors secondFactors, KnownDevices knownDevices,
                            PasswordStep passwordStep, AuditTrail audit, Sessions sessions, Passkeys passkeys) {
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.flows = flows;
        this.secondFactors = secondFactors;
        this.knownDevices = knownDevices;
        this.passwordStep = passwordStep;
        this.audit = audit;
    }

    public Uni<PasswordStep.Result> logIn(String flowToken, String code, String clientAddress, String previousSession,
                                         String deviceToken, String browser) {
        Instant now = Instant.now();
        return Panache.withSession(() -> flows.waitingAt(flowToken, LoginStepName.SECOND_FACTOR, now)
                        .flatMap(flow -> knownDevices.find(deviceToken, flow.account)
                                .map(device -> new Waiting(flow, new PasswordStep.Attempt(flow.account, device, true)))))
                .flatMap(waiting -> ReservedChecks.runToTheEnd(Panache.withTransaction(() -> secondFactors.reserveGuess(waiting.flow().account.id, now))
                        .flatMap(reserved -> passwordStep.startSession(waiting.attempt(), null, Verification.MATCHED,
                                waiting.flow().rememberMe, clientAddress, previousSession, deviceToken, browser,
                                AuthenticationMethods.withSecondFactor(waiting.flow().amr),
                                () -> secondFactors.check(waiting.flow().account.id, code, now)
                                        .call(method -> method == SecondFactors.Method.RECOVERY_CODE
                                                ? audit.record(AuditKind.RECOVERY_CODE_USED, waiting.flow().account.id,
                                                clientAddress, "at login") : Uni.createFrom().voidItem())
                                        .flatMap(method -> flows.finish(waiting.flow(), now))))
                        .onFailure(Refusal.class).call(refused -> auditWrongCode((Refusal) refused,
                                waiting.flow().account.id, clientAddress, "at login"))));
    }

    /**
     * A passkey of the flow's account stands in for the authenticator app's code: its challenge is spent when
     * it is verified, and of parallel answers one finishes the flow.
     */
    public Uni<PasswordStep.Result> logInWithPasskey(String flowToken, String response, String clientAddress,
                                                    String previousSession, String deviceToken, String browser) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> flows.waitingAt(flowToken, LoginStepName.SECOND_FACTOR, now)
                        .flatMap(flow -> passkeys.authenticate(response, now).flatMap(verified ->
                                !verified.passkey().accountId.equals(flow.account.id) ? Refusal.<PasskeyGiven>as(ProblemType.PASSKEY_INVALID)
                                        : knownDevices.find(deviceToken, flow.account).map(device -> new PasskeyGiven(
                                        new Waiting(flow, new PasswordStep.Attempt(flow.account, device, true)), verified.synced())))))
                .flatMap(given -> passwordStep.startSession(given.waiting().attempt(), null, Verification.MATCHED,
                        given.waiting().flow().rememberMe, clientAddress, previousSession, deviceToken, browser,
                        AuthenticationMethods.withPasskey(given.waiting().flow().amr, given.synced()),
                        () -> flows.finish(given.waiting().flow(), now)));
    }

    /** The session's resident gives a second factor; the session's amr says so from now on. */
    public Uni<Session> stepUp(String sessionToken, String code, String clientAddress) {
        Instant now = Instant.now();
        return Panache.withSession(() -> sessions.current(sessionToken)).flatMap(session ->
                Panache.withTransaction(() -> secondFactors.reserveGuess(session.account.id, now))
                        .flatMap(reserved -> Panache.withTransaction(() -> secondFactors.check(session.account.id, code, now)
                                .call(method -> sessions.addSecondFactor(session))))
                        .onFailure(Refusal.class).call(refused -> auditWrongCode((Refusal) refused, session.account.id,
                                clientAddress, "asked by an e-service"))
                        .replaceWith(session));
    }

    /** A wrong or used code goes into the audit trail, in a transaction of its own (the step's rolled back). */
    private Uni<Void> auditWrongCode(Refusal refused, UUID accountId, String clientAddress, String where) {
        return refused.type() != ProblemType.SECOND_FACTOR_CODE_INVALID ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> audit.record(AuditKind.SECOND_FACTOR_FAILED, accountId, clientAddress, where));
    }

    /** A passkey of the session's account given as the second factor an e-service asked for. */
    public Uni<Session> stepUpWithPasskey(String sessionToken, String response) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> sessions.current(sessionToken).flatMap(session -> passkeys.authenticate(response, now)
                .flatMap(verified -> !verified.passkey().accountId.equals(session.account.id)
                        ? Refusal.<Session>as(ProblemType.PASSKEY_INVALID)
                        : sessions.addPasskey(session, verified.synced()).replaceWith(session))));
    }

    private record Waiting(LoginFlow flow, PasswordStep.Attempt attempt) {
    }

    private record PasskeyGiven(Waiting waiting, boolean synced) {
    }
}
