package fi.city.login.identity.link;

import fi.city.login.events.SealedToken;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.token.OpaqueTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.security.PublicKey;
import java.time.Instant;
import java.util.UUID;

/**
 * The one lifecycle of every link the suite mails: issue (a new token, the account's older links of the
 * same action revoked, the email's event in the outbox), inspect (without spending), spend (once), revoke.
 * The rules are the same for every {@link LinkKind}; only the lifetime, the action and the email differ.
 * Runs in the caller's session or transaction: the flow that calls it owns the boundary.
 */
@ApplicationScoped
public class EmailedLinks {

    private static final java.security.SecureRandom CODES = new java.security.SecureRandom();

    private final LinkConfig config;
    private final PublicKey tokenRecipient;

    public EmailedLinks(LinkConfig config) {
        this.config = config;
        this.tokenRecipient = SealedToken.publicKey(config.tokenRecipientKeyLocation());
    }

    /**
     * Mails the account a new link of the kind, revoking its older links of the same action, in the
     * caller's transaction. Within the resend cooldown of an open link of that action to the same address,
     * or past the hourly cap per account and action, it sends nothing new and revokes nothing, so that
     * repeated clicks cannot flood a mailbox and a stranger can void the owner's link only a few times an
     * hour. Issuing is serialized per account by a lock on its row, held to the end of the transaction, and
     * a unique index keeps one valid link per account and action whatever the caller does.
     *
     * @param newAddress the address the link confirms (an email change), or null
     * @return whether a link was made and its email written
     */
    public Uni<Boolean> issue(Account account, LinkKind kind, EmailAddress newAddress, Instant now, LinkEmail email) {
        return issue(account, kind, newAddress, now, true, email);
    }

    /**
     * As {@link #issue}, but the link is stored revoked: an email goes out that must carry no working link
     * (the new address belongs to another account), and it counts against the same limits as any other.
     */
    public Uni<Boolean> issueRevoked(Account account, LinkKind kind, EmailAddress newAddress, Instant now, LinkEmail email) {
        return issue(account, kind, newAddress, now, false, email);
    }

    private Uni<Boolean> issue(Account account, LinkKind kind, EmailAddress newAddress, Instant now, boolean usable,
                               LinkEmail email) {
        String address = newAddress == null ? "" : newAddress.normalized();
        return Account.<Account>find("id", account.id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(locked -> RecentLinks.of(account, kind.action(), address, now))
                .flatMap(recent -> {
                    boolean coolingDown = recent.newestOpenAlike() != null
                            && recent.newestOpenAlike().isAfter(now.minus(config.resendCooldown()));
                    if (coolingDown || recent.lastHour() >= config.maxPerAccountPerHour()) {
                        return Uni.createFrom().item(false);
                    }
                    // Under the account's lock no link is added meanwhile: with none unspent, there is none to revoke.
                    Uni<Integer> revoked = recent.unspent() == 0 ? Uni.createFrom().item(0) : revoke(account, kind.action(), now);
                    return revoked.flatMap(done -> create(account, kind, newAddress, now, usable, email)).replaceWith(true);
                });
    }

    /**
     * The link the token names if it is of that action and can still be used; otherwise refused with the
     * link problem that says why. A token of another action is unknown here.
     */
    public Uni<EmailedLink> inspect(String token, LinkKind.Action action) {
        if (!OpaqueTokens.isWellFormed(token)) {
            return Refusal.as(ProblemType.LINK_INVALID);
        }
        return EmailedLink.<EmailedLink>find("from EmailedLink l join fetch l.account where l.tokenHash = ?1 and l.action = ?2",
                OpaqueTokens.hash(token), action).firstResult().map(link -> {
            if (link == null) {
                throw new Refusal(ProblemType.LINK_INVALID);
            }
            return switch (link.status(Instant.now())) {
                case OPEN -> link;
                case EXPIRED -> throw new Refusal(ProblemType.LINK_EXPIRED);
                case SPENT, REVOKED -> throw new Refusal(ProblemType.LINK_USED);
            };
        });
    }

    /** Spends the link. A conditional update: of any number of submissions of the same link, exactly one wins. */
    public Uni<Void> spend(EmailedLink link, Instant now) {
        return EmailedLink.update("spentAt = ?1 where id = ?2 and spentAt is null and revokedAt is null and expiresAt > ?1",
                now, link.id).flatMap(spent -> spent == 1 ? Uni.createFrom().voidItem() : Refusal.as(ProblemType.LINK_USED));
    }

    private static byte[] codeHash(UUID linkId, String code) {
        return OpaqueTokens.hash(linkId + ":" + code);
    }

    /** Every open link of the account stops working, whatever its action: its credentials or its address changed. */
    public Uni<Integer> revokeAll(Account account, Instant now) {
        return EmailedLink.update("revokedAt = ?1 where account = ?2 and spentAt is null and revokedAt is null", now, account);
    }

    /**
     * Counts one try of the account's open login code, in the caller's transaction, which must commit
     * whatever the code turns out to be: the row is locked, so of parallel tries no more than
     * {@code login-code-attempts} are ever counted. Refused when the account has no open code, or its tries
     * are used up.
     */
    public Uni<EmailedLink> countTry(Account account, Instant now) {
        return EmailedLink.<EmailedLink>find("from EmailedLink l join fetch l.account where l.account = ?1 and l.action = ?2 "
                        + "and l.spentAt is null and l.revokedAt is null and l.expiresAt > ?3", account, LinkKind.Action.SIGN_IN, now)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(link -> link == null ? Refusal.as(ProblemType.LOGIN_CODE_INVALID)
                        : EmailedLink.update("attempts = attempts + 1 where id = ?1 and attempts < ?2", link.id,
                        config.loginCodeAttempts()).flatMap(counted -> counted == 1 ? Uni.createFrom().item(link)
                        : Refusal.as(ProblemType.LOGIN_CODE_INVALID)));
    }

    /** Whether the typed code is the link's, compared in constant time. */
    public boolean codeMatches(EmailedLink link, String code) {
        return code != null && code.length() <= 32
                && java.security.MessageDigest.isEqual(link.tokenHash, codeHash(link.id, code.strip()));
    }

    /** The account's open links of one action stop working. */
    public Uni<Integer> revoke(Account account, LinkKind.Action action, Instant now) {
        return EmailedLink.update("revokedAt = ?1 where account = ?2 and action = ?3 and spentAt is null and revokedAt is null",
                now, account, action);
    }

    private Uni<Void> create(Account account, LinkKind kind, EmailAddress newAddress, Instant now, boolean usable,
                             LinkEmail email) {
        EmailedLink link = new EmailedLink();
        link.id = UUID.randomUUID();
        // A link carries 256 random bits; a typed code 8 digits, hashed with its row's id (so that equal codes
        // of two accounts are two hashes) and worth only a few counted tries.
        String token = kind.typed() ? "%08d".formatted(CODES.nextInt(100_000_000)) : OpaqueTokens.generate();
        link.account = account;
        link.kind = kind;
        link.action = kind.action();
        link.tokenHash = kind.typed() ? codeHash(link.id, token) : OpaqueTokens.hash(token);
        link.newEmail = newAddress == null ? null : newAddress.display();
        link.newEmailNormalized = newAddress == null ? null : newAddress.normalized();
        link.createdAt = now;
        link.expiresAt = now.plus(kind.lifetime(config));
        link.revokedAt = usable ? null : now;
        // The raw token leaves this service only sealed to notification-service, and in the email.
        return link.persist().flatMap(saved -> email.write(link, binding -> SealedToken.seal(token, binding, tokenRecipient)));
    }
}
