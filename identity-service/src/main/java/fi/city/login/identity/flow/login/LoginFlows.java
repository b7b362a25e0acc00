package fi.city.login.identity.flow.login;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.token.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Opens, finds and finishes login flows, in the caller's transaction. */
@ApplicationScoped
public class LoginFlows {

    /** Long enough to open an authenticator app, short enough that a flow left open is no standing key. */
    static final Duration LIFETIME = Duration.ofMinutes(5);

    /** A flow waiting at its next step: the raw token is for the portal's cookie only. */
    public record Opened(String token, LoginFlow flow) {
        @Override
        public String toString() {
            return "Opened[" + flow.id + "]";
        }
    }

    Uni<Opened> open(Account account, String amr, LoginStepName next, boolean rememberMe, Instant now) {
        String token = OpaqueTokens.generate();
        LoginFlow flow = new LoginFlow();
        flow.id = UUID.randomUUID();
        flow.tokenHash = OpaqueTokens.hash(token);
        flow.account = account;
        flow.amr = amr;
        flow.nextStep = next;
        flow.rememberMe = rememberMe;
        flow.createdAt = now;
        flow.expiresAt = now.plus(LIFETIME);
        return flow.persist().replaceWith(new Opened(token, flow));
    }

    /** The live flow the token names, waiting at {@code step}; refused when there is none. */
    Uni<LoginFlow> waitingAt(String token, LoginStepName step, Instant now) {
        if (!OpaqueTokens.isWellFormed(token)) {
            return Refusal.as(ProblemType.LOGIN_FLOW_INVALID);
        }
        return LoginFlow.<LoginFlow>find("from LoginFlow f join fetch f.account a left join fetch a.legacyUsernames "
                        + "where f.tokenHash = ?1 and f.nextStep = ?2 and f.completedAt is null and f.expiresAt > ?3",
                        OpaqueTokens.hash(token), step, now)
                .list().map(found -> found.isEmpty() ? null : found.get(0))
                .onItem().ifNull().failWith(() -> new Refusal(ProblemType.LOGIN_FLOW_INVALID));
    }

    /** Finishes the flow once: of parallel finishers, one wins, the others are refused. */
    Uni<Void> finish(LoginFlow flow, Instant now) {
        return LoginFlow.update("completedAt = ?1 where id = ?2 and completedAt is null and expiresAt > ?1", now, flow.id)
                .flatMap(finished -> finished == 1 ? Uni.createFrom().voidItem() : Refusal.as(ProblemType.LOGIN_FLOW_INVALID));
    }
}
