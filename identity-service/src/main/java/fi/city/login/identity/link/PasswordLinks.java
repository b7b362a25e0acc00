package fi.city.login.identity.link;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.events.SealedToken;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.Locales;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.outbox.OutboxWriter;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.token.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The password link's whole life: issue (a new token, older links revoked, the email's event in the
 * outbox), inspect (without spending), spend (once), revoke. Runs in the caller's session or
 * transaction: the flow that calls it owns the boundary.
 */
@ApplicationScoped
public class PasswordLinks {

    private final PasswordLinkConfig config;
    private final OutboxWriter outbox;
    private final PublicKey tokenRecipient;
    private final AuditTrail audit;

    public PasswordLinks(PasswordLinkConfig config, OutboxWriter outbox, AuditTrail audit) {
        this.config = config;
        this.outbox = outbox;
        this.audit = audit;
        this.tokenRecipient = SealedToken.publicKey(config.tokenRecipientKeyLocation());
    }

    /**
     * Mails the account a new link, revoking its older ones, in the caller's transaction. Within the
     * resend cooldown of an open link, or past the hourly cap of links per account, it sends nothing new
     * and revokes nothing, so that repeated clicks cannot flood a mailbox and a stranger can void the
     * owner's link only a few times an hour. Issuing is serialized per
     * account by a lock on its row, held to the end of the transaction: however many requests arrive at
     * once, one link is open and one email is sent.
     */
    public Uni<Void> issue(Account account, Purpose purpose) {
        return Account.<Account>find("id", account.id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(locked -> issueWhileLocked(account, purpose, Instant.now()));
    }

    private Uni<Void> issueWhileLocked(Account account, Purpose purpose, Instant now) {
        return RecentLinks.of(account, now).flatMap(recent -> {
            // Any open link will do: each of them lets the resident set a password.
            if (recent.newestOpen() != null && recent.newestOpen().isAfter(now.minus(config.resendCooldown()))) {
                return Uni.createFrom().voidItem();
            }
            if (recent.lastHour() >= config.maxPerAccountPerHour()) {
                return Uni.createFrom().voidItem();
            }
            // Under the account's lock no link is added meanwhile: with none unspent, there is none to revoke.
            Uni<Void> revoked = recent.unspent() == 0 ? Uni.createFrom().voidItem() : revokeOpen(account, now);
            return revoked.flatMap(done -> create(account, purpose, now));
        });
    }

    /** The link the token names if it can still be used; otherwise refused with the link problem that says why. */
    public Uni<PasswordLink> inspect(String token) {
        if (!OpaqueTokens.isWellFormed(token)) {
            return Refusal.as(ProblemType.LINK_INVALID);
        }
        return PasswordLink.<PasswordLink>find("from PasswordLink l join fetch l.account where l.tokenHash = ?1",
                OpaqueTokens.hash(token)).firstResult().map(link -> {
            if (link == null) {
                throw new Refusal(ProblemType.LINK_INVALID);
            }
            return switch (link.status(Instant.now())) {
                case OPEN -> link;
                case EXPIRED -> throw new Refusal(ProblemType.LINK_EXPIRED);
                case USED, REVOKED -> throw new Refusal(ProblemType.LINK_USED);
            };
        });
    }

    /** Spends the link. A conditional update: of two submissions of the same link, exactly one wins. */
    public Uni<Void> spend(PasswordLink link, Instant now) {
        return PasswordLink.update("usedAt = ?1 where id = ?2 and usedAt is null and revokedAt is null and expiresAt > ?1",
                now, link.id).flatMap(spent -> spent == 1 ? audit.record(AuditKind.LINK_USED, link.account.id, null, link.purpose.name())
                : Refusal.as(ProblemType.LINK_USED));
    }

    /** Every open link of the account stops working: a new link was sent, or the password changed. */
    public Uni<Void> revokeOpen(Account account, Instant now) {
        return PasswordLink.update("revokedAt = ?1 where account = ?2 and usedAt is null and revokedAt is null",
                now, account).replaceWithVoid();
    }

    private Uni<Void> create(Account account, Purpose purpose, Instant now) {
        String token = OpaqueTokens.generate();
        PasswordLink link = new PasswordLink();
        link.id = UUID.randomUUID();
        link.account = account;
        link.tokenHash = OpaqueTokens.hash(token);
        link.purpose = purpose;
        link.createdAt = now;
        link.expiresAt = now.plus(lifetime(purpose));
        UUID eventId = UUID.randomUUID();
        // The topic keeps its promised name; it carries every kind of password link (see event-contract).
        // The raw token leaves this service only sealed to notification-service, and in the email.
        PasswordResetRequested event = new PasswordResetRequested(eventId, PasswordResetRequested.VERSION,
                account.id, account.email, account.displayName, Locales.supportedOrDefault(account.locale),
                purpose, SealedToken.seal(token, tokenRecipient), link.expiresAt, now);
        return link.persist().flatMap(saved -> outbox.add(eventId, PasswordResetRequested.TOPIC,
                account.id.toString(), event, now)).call(() -> audit.record(AuditKind.LINK_SENT, account.id, null, purpose.name()));
    }

    private Duration lifetime(Purpose purpose) {
        return purpose == Purpose.FORGOTTEN_PASSWORD ? config.forgottenPasswordLifetime() : config.firstLoginLifetime();
    }
}
