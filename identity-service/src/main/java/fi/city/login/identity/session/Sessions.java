package fi.city.login.identity.session;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.token.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Starts, finds and ends the portal's sessions, named by their raw token (only its hash is stored).
 * Runs in the caller's session or transaction: the flow that calls it owns the boundary.
 */
@ApplicationScoped
public class Sessions {

    private final SessionConfig config;

    public Sessions(SessionConfig config) {
        this.config = config;
    }

    /** A new session: its raw token goes to the portal's cookie and nowhere else. */
    public Uni<Started> start(Account account, boolean persistent, Instant now) {
        String token = OpaqueTokens.generate();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.account = account;
        session.tokenHash = OpaqueTokens.hash(token);
        session.persistent = persistent;
        session.createdAt = now;
        session.expiresAt = now.plus(persistent ? config.persistentLifetime() : config.browserLifetime());
        return session.persist().replaceWith(new Started(token, session));
    }

    /** The live session the token names, with its account and legacy usernames; refused when there is none. */
    public Uni<Session> current(String token) {
        if (token == null || token.isBlank()) {
            return Refusal.as(ProblemType.SESSION_INVALID);
        }
        return Session.<Session>find("from Session s join fetch s.account a left join fetch a.legacyUsernames "
                        + "where s.tokenHash = ?1 and s.revokedAt is null and s.expiresAt > ?2",
                        OpaqueTokens.hash(token), Instant.now()).list()
                .map(found -> found.isEmpty() ? null : found.get(0))
                .onItem().ifNull().failWith(() -> new Refusal(ProblemType.SESSION_INVALID));
    }

    /** Logout: the session stops working on the server, whatever the browser keeps. Idempotent. */
    public Uni<Void> end(String token, Instant now) {
        if (token == null || token.isBlank()) {
            return Uni.createFrom().voidItem();
        }
        return Session.update("revokedAt = ?1 where tokenHash = ?2 and revokedAt is null", now,
                OpaqueTokens.hash(token)).replaceWithVoid();
    }

    /** Every session of the account ends, except {@code keep} (the one the change was made in), if given. */
    public Uni<Void> endAll(Account account, UUID keep, Instant now) {
        return (keep == null
                ? Session.update("revokedAt = ?1 where account = ?2 and revokedAt is null", now, account)
                : Session.update("revokedAt = ?1 where account = ?2 and id <> ?3 and revokedAt is null", now, account, keep))
                .replaceWithVoid();
    }

    /** A started session and its raw token. */
    public record Started(String token, Session session) {
        @Override
        public String toString() {
            return "Started[" + session.id + "]";
        }
    }
}
