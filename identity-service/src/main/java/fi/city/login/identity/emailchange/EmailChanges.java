package fi.city.login.identity.emailchange;

import fi.city.login.events.EmailAddressChange;
import fi.city.login.events.EmailAddressChange.Stage;
import fi.city.login.events.SealedToken;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.account.Locales;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.link.PasswordLinkConfig;
import fi.city.login.identity.link.PasswordLinks;
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
 * An email change's whole life: ask (a link to the new address, older asks revoked), inspect (without
 * spending), confirm (once: the address changes, the old one is told). Runs in the caller's transaction.
 * Until the link is used the old address stays the username; the legacy usernames stay either way.
 */
@ApplicationScoped
public class EmailChanges {

    private final EmailChangeConfig config;
    private final OutboxWriter outbox;
    private final AuditTrail audit;
    private final PasswordLinks passwordLinks;
    private final PublicKey tokenRecipient;

    public EmailChanges(EmailChangeConfig config, PasswordLinkConfig linkConfig, OutboxWriter outbox, AuditTrail audit,
                        PasswordLinks passwordLinks) {
        this.config = config;
        this.outbox = outbox;
        this.audit = audit;
        this.passwordLinks = passwordLinks;
        // The same recipient as the password links': notification-service alone opens the token.
        this.tokenRecipient = SealedToken.publicKey(linkConfig.tokenRecipientKeyLocation());
    }

    /**
     * Mails the new address a confirmation link and revokes the account's older asks; an address that has
     * an account gets a notice instead. Serialized per account by a lock on its row, so that however many
     * asks arrive at once, at most {@code max-per-account-per-hour} emails go out in an hour and one link
     * is open. Past the cap nothing is sent, and the caller is answered the same.
     */
    public Uni<Void> request(Account account, EmailAddress newAddress, String clientAddress, Instant now) {
        if (newAddress.normalized().equals(account.emailNormalized)) {
            return Refusal.as(ProblemType.EMAIL_UNCHANGED);
        }
        return Account.<Account>find("id", account.id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(locked -> EmailChange.count("account = ?1 and createdAt > ?2", account, now.minus(Duration.ofHours(1))))
                .flatMap(lastHour -> lastHour >= config.maxPerAccountPerHour() ? Uni.createFrom().voidItem()
                        : revokeOpen(account, now).flatMap(revoked -> Account.findByEmail(newAddress))
                        .flatMap(owner -> create(account, newAddress, owner != null, now))
                        .call(() -> audit.record(AuditKind.EMAIL_CHANGE_REQUESTED, account.id, clientAddress,
                                EmailAddress.masked(newAddress.display()))));
    }

    /** The change the token names if it can still be confirmed; otherwise refused with the link problem that says why. */
    public Uni<EmailChange> inspect(String token) {
        if (!OpaqueTokens.isWellFormed(token)) {
            return Refusal.as(ProblemType.LINK_INVALID);
        }
        return EmailChange.<EmailChange>find("from EmailChange c join fetch c.account where c.tokenHash = ?1",
                OpaqueTokens.hash(token)).firstResult().map(change -> {
            if (change == null || change.account.state != AccountState.ACTIVE) {
                throw new Refusal(ProblemType.LINK_INVALID);
            }
            if (change.confirmedAt != null || change.revokedAt != null) {
                throw new Refusal(ProblemType.LINK_USED);
            }
            if (!change.isOpen(Instant.now())) {
                throw new Refusal(ProblemType.LINK_EXPIRED);
            }
            return change;
        });
    }

    /**
     * Makes the new address the account's. The link is spent by a conditional update (of many submissions
     * exactly one wins) and the address set in the same transaction; if another account took the address
     * meanwhile, its unique key refuses the change and the whole transaction, link included, rolls back.
     * Password links sent to the old address stop working; the old address is told.
     */
    public Uni<EmailChange> confirm(EmailChange change, Instant now) {
        Account account = change.account;
        String oldEmail = account.email;
        return EmailChange.update("confirmedAt = ?1 where id = ?2 and confirmedAt is null and revokedAt is null and expiresAt > ?1",
                        now, change.id)
                .flatMap(spent -> spent == 1 ? Uni.createFrom().voidItem() : Refusal.as(ProblemType.LINK_USED))
                .flatMap(spent -> Account.update("email = ?1, emailNormalized = ?2, updatedAt = ?3 where id = ?4",
                        change.newEmail, change.newEmailNormalized, now, account.id))
                .onFailure(Account::isAddressTaken).transform(taken -> new Refusal(ProblemType.EMAIL_IN_USE))
                .flatMap(updated -> revokeOpen(account, now))
                .flatMap(revoked -> passwordLinks.revokeOpen(account, now))
                .flatMap(revoked -> tell(account, oldEmail, Stage.CHANGED, change.newEmail, null, null, now))
                .call(() -> audit.record(AuditKind.EMAIL_CHANGED, account.id, null, EmailAddress.masked(change.newEmail)))
                .replaceWith(change);
    }

    private Uni<Integer> revokeOpen(Account account, Instant now) {
        return EmailChange.update("revokedAt = ?1 where account = ?2 and confirmedAt is null and revokedAt is null", now, account);
    }

    /**
     * An address that has an account gets a notice, not a link, and its ask is stored already revoked: it
     * counts against the hourly cap like any other email to an address the resident chose.
     */
    private Uni<Void> create(Account account, EmailAddress newAddress, boolean addressInUse, Instant now) {
        String token = OpaqueTokens.generate();
        EmailChange change = new EmailChange();
        change.id = UUID.randomUUID();
        change.account = account;
        change.newEmail = newAddress.display();
        change.newEmailNormalized = newAddress.normalized();
        change.tokenHash = OpaqueTokens.hash(token);
        change.createdAt = now;
        change.expiresAt = now.plus(config.linkLifetime());
        change.revokedAt = addressInUse ? now : null;
        return change.persist().flatMap(saved -> addressInUse
                ? tell(account, change.newEmail, Stage.ADDRESS_IN_USE, account.email, null, null, now)
                : tell(account, change.newEmail, Stage.CONFIRM_NEW_ADDRESS, account.email,
                SealedToken.seal(token, tokenRecipient), change.expiresAt, now));
    }

    private Uni<Void> tell(Account account, String to, Stage stage, String otherEmail, String sealedToken,
                           Instant expiresAt, Instant now) {
        UUID eventId = UUID.randomUUID();
        EmailAddressChange event = new EmailAddressChange(eventId, EmailAddressChange.VERSION, account.id, to,
                account.displayName, Locales.supportedOrDefault(account.locale), stage, EmailAddress.masked(otherEmail),
                sealedToken, expiresAt, now);
        return outbox.add(eventId, EmailAddressChange.TOPIC, account.id.toString(), event, now);
    }
}
