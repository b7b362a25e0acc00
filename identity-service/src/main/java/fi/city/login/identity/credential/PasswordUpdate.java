package fi.city.login.identity.credential;

import fi.city.login.events.PasswordChanged;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.account.Locales;
import fi.city.login.identity.link.EmailedLinks;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.grant.RefreshTokens;
import fi.city.login.identity.outbox.OutboxWriter;
import fi.city.login.identity.session.Sessions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The one place where an account gets a new password, whichever flow sets it (a password link, the
 * settings page): the hash is stored, the brute-force count starts again and a pause is lifted (so a
 * password link is how a resident gets past one), a first password activates the account, every open
 * emailed link is revoked (password links and email changes alike), every other session ends, every
 * e-service's refresh token is revoked (an e-service logs the resident in again), and the owner of a
 * password that existed before is told by email. Runs in the caller's transaction; the hash is made before it, on the hashing pool.
 */
@ApplicationScoped
public class PasswordUpdate {

    private final EmailedLinks links;
    private final Sessions sessions;
    private final OutboxWriter outbox;
    private final AuditTrail audit;
    private final RefreshTokens refreshTokens;

    public PasswordUpdate(EmailedLinks links, Sessions sessions, OutboxWriter outbox, AuditTrail audit,
                          RefreshTokens refreshTokens) {
        this.audit = audit;
        this.refreshTokens = refreshTokens;
        this.links = links;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /**
     * @param account     the account as the flow read it (whether it had a password decides the notice)
     * @param keepSession the session the change was made in, which stays; null ends every session
     */
    public Uni<Void> set(Account account, String passwordHash, UUID keepSession, Instant now) {
        boolean hadPassword = account.passwordHash != null;
        return Account.update("passwordHash = ?1, passwordChangedAt = ?2, updatedAt = ?2, failedLogins = 0, "
                        + "loginBlockedUntil = null where id = ?3", passwordHash, now, account.id)
                .flatMap(updated -> Account.update("state = ?1 where id = ?2 and state = ?3",
                        AccountState.ACTIVE, account.id, AccountState.PENDING_FIRST_PASSWORD))
                .flatMap(activated -> links.revokeAll(account, now))
                .flatMap(revoked -> sessions.endAll(account, keepSession, now))
                .flatMap(ended -> refreshTokens.revokeAll(account.id, now))
                .flatMap(ended -> hadPassword ? tellOwner(account, now) : Uni.createFrom().voidItem())
                .call(() -> audit.record(AuditKind.PASSWORD_SET, account.id, null, hadPassword ? "changed" : "first"));
    }

    /**
     * The same password stored again at today's Argon2 cost, after a login proved it. Nothing else
     * changes, and a password changed meanwhile is never overwritten with the old one.
     */
    public Uni<Void> rehash(Account account, String passwordHash) {
        return Account.update("passwordHash = ?1 where id = ?2 and passwordHash = ?3", passwordHash, account.id,
                account.passwordHash).replaceWithVoid();
    }

    private Uni<Void> tellOwner(Account account, Instant now) {
        UUID eventId = UUID.randomUUID();
        PasswordChanged event = new PasswordChanged(eventId, PasswordChanged.VERSION, account.id, account.email,
                account.displayName, Locales.supportedOrDefault(account.locale), now);
        return outbox.add(eventId, PasswordChanged.TOPIC, account.id.toString(), event, now);
    }
}
