package fi.city.login.identity.session;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
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

    private static final java.time.Duration TOUCH_INTERVAL = java.time.Duration.ofMinutes(1);

    private final SessionConfig config;
    private final AuditTrail audit;

    public Sessions(SessionConfig config, AuditTrail audit) {
        this.config = config;
        this.audit = audit;
    }

    /**
     * A new session: its raw token goes to the portal's cookie and nowhere else. The address and browser are
     * kept for the resident's own list of sessions ("where am I logged in?").
     */
    public Uni<Started> start(Account account, boolean persistent, String clientAddress, String browser, String amr,
                              Instant now) {
        String token = OpaqueTokens.generate();
        Session session = new Session();
        session.id = UUID.randomUUID();
        session.account = account;
        session.tokenHash = OpaqueTokens.hash(token);
        session.persistent = persistent;
        session.createdAt = now;
        session.expiresAt = now.plus(persistent ? config.persistentLifetime() : config.browserLifetime());
        session.lastSeenAt = now;
        session.clientAddress = clientAddress;
        session.browser = browser; // at most 300 characters: the API refuses longer
        session.amr = amr;
        return session.persist().replaceWith(new Started(token, session));
    }

    /**
     * The live session the token names, with its account and legacy usernames; refused when there is
     * none. A session is live until it is ended, reaches its absolute end, goes unused past its idle
     * timeout, or its account is disabled.
     */
    public Uni<Session> current(String token) {
        if (!OpaqueTokens.isWellFormed(token)) {
            return Refusal.as(ProblemType.SESSION_INVALID);
        }
        return live("s.tokenHash", OpaqueTokens.hash(token))
                .onItem().ifNull().failWith(() -> new Refusal(ProblemType.SESSION_INVALID));
    }

    /**
     * The session with this id if it is live (as {@link #current}), else null: tokens an e-service got
     * through OpenID Connect end with the session they came from.
     */
    public Uni<Session> live(UUID sessionId) {
        return live("s.id", sessionId);
    }

    private Uni<Session> live(String key, Object value) {
        return liveWhere(key, value).map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The one definition of a live session, for every query that looks for them; the most recently used first. */
    private Uni<java.util.List<Session>> liveWhere(String key, Object value) {
        Instant now = Instant.now();
        return Session.<Session>find("from Session s join fetch s.account a left join fetch a.legacyUsernames "
                                + "where " + key + " = ?1 and s.revokedAt is null and s.expiresAt > ?2 and a.state <> ?3 "
                                + "and ((s.persistent = true and s.lastSeenAt > ?4) or (s.persistent = false and s.lastSeenAt > ?5)) "
                                + "order by s.lastSeenAt desc",
                        value, now, AccountState.DISABLED,
                        now.minus(config.persistentIdleTimeout()), now.minus(config.browserIdleTimeout())).list();
    }

    /**
     * The session was used: its idle timeout starts again. Written at most once a minute, so that a page
     * view is not a write each time. Runs in the caller's transaction.
     */
    public Uni<Void> touch(Session session, Instant now) {
        if (session.lastSeenAt.isAfter(now.minus(TOUCH_INTERVAL))) {
            return Uni.createFrom().voidItem();
        }
        return Session.update("lastSeenAt = ?1 where id = ?2 and lastSeenAt < ?1", now, session.id).replaceWithVoid();
    }

    /** Logout: the session stops working on the server, whatever the browser keeps. Idempotent. */
    public Uni<Void> end(String token, Instant now) {
        if (!OpaqueTokens.isWellFormed(token)) {
            return Uni.createFrom().voidItem();
        }
        return Session.<Session>find("tokenHash = ?1 and revokedAt is null", (Object) OpaqueTokens.hash(token)).firstResult()
                .flatMap(session -> session == null ? Uni.createFrom().voidItem()
                        : Session.update("revokedAt = ?1 where id = ?2 and revokedAt is null", now, session.id)
                        .flatMap(ended -> ended == 1 ? audit.record(AuditKind.SESSION_ENDED, session.account.id, null, null)
                                : Uni.createFrom().voidItem()));
    }

    /** The account's live sessions, the most recently used first. */
    public Uni<java.util.List<Session>> liveOf(Account account) {
        return liveWhere("a.id", account.id);
    }

    /** One session of the account ends (the resident ended it from another); false when it was not live or not theirs. */
    public Uni<Boolean> endOne(Account account, UUID sessionId, Instant now) {
        return Session.update("revokedAt = ?1 where id = ?2 and account = ?3 and revokedAt is null", now, sessionId, account)
                .map(ended -> ended == 1);
    }

    /** Every session of the account ends, except {@code keep} (the one the change was made in), if given. */
    public Uni<Void> endAll(Account account, UUID keep, Instant now) {
        return (keep == null
                ? Session.update("revokedAt = ?1 where account = ?2 and revokedAt is null", now, account)
                : Session.update("revokedAt = ?1 where account = ?2 and id <> ?3 and revokedAt is null", now, account, keep))
                .replaceWithVoid();
    }

    /** A second factor given in the session (an e-service asked for one): its amr says so from now on. */
    public Uni<Void> addSecondFactor(Session session) {
        return addFactor(session, AuthenticationMethods.withSecondFactor(session.amr));
    }

    /** A passkey given in the session as its second factor. */
    public Uni<Void> addPasskey(Session session, boolean synced) {
        return addFactor(session, session.hadSecondFactor() ? session.amr : AuthenticationMethods.withPasskey(session.amr, synced));
    }

    private Uni<Void> addFactor(Session session, String amr) {
        return Session.update("amr = ?1 where id = ?2", amr, session.id).invoke(updated -> session.amr = amr).replaceWithVoid();
    }

    /** A started session and its raw token. */
    public record Started(String token, Session session) {
        @Override
        public String toString() {
            return "Started[" + session.id + "]";
        }
    }
}
