package fi.city.login.identity.flow.settings;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.account.AccountActivity;
import fi.city.login.identity.api.settings.SessionSummary;
import fi.city.login.identity.audit.AuditEvent;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.session.Session;
import fi.city.login.identity.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a logged-in resident sees and changes about their account besides the password: name and language,
 * where they are logged in (and ending those sessions), and what happened to the account lately. Every
 * change is audited in its own transaction.
 */
@ApplicationScoped
public class AccountSettings {

    private final Sessions sessions;
    private final AuditTrail audit;

    public AccountSettings(Sessions sessions, AuditTrail audit) {
        this.sessions = sessions;
        this.audit = audit;
    }

    /** The language also decides the emails' (links, notices), which follow the account's. */
    public Uni<Void> changeProfile(String sessionToken, String displayName, String locale) {
        String name = displayName.strip();
        if (name.isEmpty()) {
            return Refusal.as(ProblemType.INVALID_NAME);
        }
        return Panache.withTransaction(() -> sessions.current(sessionToken).flatMap(session -> {
            Account account = session.account;
            List<String> changed = new ArrayList<>();
            if (!name.equals(account.displayName)) {
                changed.add("name");
            }
            if (!locale.equals(account.locale)) {
                changed.add("language " + locale);
            }
            if (changed.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return Account.update("displayName = ?1, locale = ?2, updatedAt = ?3 where id = ?4", name, locale,
                            Instant.now(), account.id)
                    .flatMap(updated -> audit.record(AuditKind.PROFILE_CHANGED, account.id, session.clientAddress,
                            String.join(", ", changed)));
        }));
    }

    public Uni<List<SessionSummary>> sessions(String sessionToken) {
        return Panache.withSession(() -> sessions.current(sessionToken).flatMap(current -> sessions.liveOf(current.account)
                .map(live -> live.stream().map(session -> summary(session, current)).toList())));
    }

    /** Ends another session of the account; refused like an ended session when it is not one of theirs. */
    public Uni<Void> endOther(String sessionToken, UUID sessionId) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> sessions.current(sessionToken).flatMap(current -> {
            if (current.id.equals(sessionId)) {
                return Refusal.as(ProblemType.INVALID_REQUEST); // this one ends by logging out
            }
            return sessions.endOne(current.account, sessionId, now).flatMap(ended -> ended
                    ? audit.record(AuditKind.SESSION_ENDED, current.account.id, current.clientAddress, "from another session")
                    : Refusal.as(ProblemType.SESSION_INVALID));
        }));
    }

    /** "Log out everywhere else": every other session, and with them the e-services' refresh tokens. */
    public Uni<Void> endOthers(String sessionToken) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> sessions.current(sessionToken).flatMap(current ->
                sessions.endAll(current.account, current.id, now).flatMap(ended -> audit.record(AuditKind.SESSION_ENDED,
                        current.account.id, current.clientAddress, "every other session"))));
    }

    public Uni<List<AccountActivity>> activity(String sessionToken) {
        return Panache.withSession(() -> sessions.current(sessionToken).flatMap(current -> audit.recent(current.account.id)))
                .map(events -> events.stream().map(AuditEvent::view).toList());
    }

    private static SessionSummary summary(Session session, Session current) {
        return new SessionSummary(session.id, session.id.equals(current.id), session.createdAt, session.lastSeenAt,
                session.persistent, session.browser, session.clientAddress);
    }
}
