package fi.city.login.identity.emailchange;

import fi.city.login.events.EmailAddressChange;
import fi.city.login.events.EmailAddressChange.Stage;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.account.Locales;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.link.EmailedLink;
import fi.city.login.identity.link.EmailedLinks;
import fi.city.login.identity.link.LinkEmail;
import fi.city.login.identity.link.LinkKind;
import fi.city.login.identity.outbox.OutboxWriter;
import fi.city.login.identity.problem.Refusal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * The email change: a link of kind {@link LinkKind#EMAIL_CHANGE} to the new address, and one of kind
 * {@link LinkKind#EMAIL_CHANGE_CANCEL} to the old address that stops it, on the lifecycle of
 * {@link EmailedLinks}. What is its own: an address that has an account is told so instead of getting a
 * link; spending the confirmation makes the new address the username and tells the old one; spending the
 * cancellation revokes the confirmation. Until then the old address stays the username; the legacy
 * usernames stay either way. Runs in the caller's transaction.
 */
@ApplicationScoped
public class EmailChanges {

    private final EmailedLinks links;
    private final OutboxWriter outbox;
    private final AuditTrail audit;

    public EmailChanges(EmailedLinks links, OutboxWriter outbox, AuditTrail audit) {
        this.links = links;
        this.outbox = outbox;
        this.audit = audit;
    }

    /**
     * Mails the new address a confirmation link, within the limits of {@link EmailedLinks#issue}, and the
     * old address a notice with a link that cancels it; an address that has an account gets a notice
     * instead, and its link is stored revoked (it counts against the cap like any other email to an address
     * the resident chose). Past the cap nothing is sent, and the caller is answered the same.
     */
    public Uni<Void> request(Account account, EmailAddress newAddress, String clientAddress, Instant now) {
        if (newAddress.normalized().equals(account.emailNormalized)) {
            return Refusal.as(ProblemType.EMAIL_UNCHANGED);
        }
        return Account.findByEmail(newAddress).flatMap(owner -> owner == null
                        ? links.issue(account, LinkKind.EMAIL_CHANGE, newAddress, now, email(Stage.CONFIRM_NEW_ADDRESS, now))
                        .call(sent -> sent ? links.issue(account, LinkKind.EMAIL_CHANGE_CANCEL, newAddress, now,
                                email(Stage.ASKED, now)) : Uni.createFrom().voidItem())
                        : links.issueRevoked(account, LinkKind.EMAIL_CHANGE, newAddress, now, email(Stage.ADDRESS_IN_USE, now)))
                .flatMap(sent -> sent ? audit.record(AuditKind.EMAIL_CHANGE_REQUESTED, account.id, clientAddress,
                        EmailAddress.masked(newAddress.display())) : Uni.createFrom().voidItem());
    }

    /**
     * The change the token names (by its confirmation or, with {@code CANCEL_EMAIL_CHANGE}, by its
     * cancellation) if it can still be used; otherwise refused with the link problem that says why.
     */
    public Uni<EmailedLink> inspect(String token, LinkKind.Action action) {
        return links.inspect(token, action).map(link -> {
            if (link.account.state != AccountState.ACTIVE) {
                throw new Refusal(ProblemType.LINK_INVALID);
            }
            return link;
        });
    }

    /**
     * Makes the new address the account's. The link is spent (of many submissions exactly one wins) and the
     * address set in the same transaction; if another account took the address meanwhile, its unique key
     * refuses the change and the whole transaction, link included, rolls back. Every other open link of the
     * account stops working (a password link sent to the old address among them); the old address is told.
     */
    public Uni<EmailedLink> confirm(EmailedLink link, Instant now) {
        Account account = link.account;
        String oldEmail = account.email;
        return links.spend(link, now)
                .flatMap(spent -> Account.update("email = ?1, emailNormalized = ?2, updatedAt = ?3 where id = ?4",
                        link.newEmail, link.newEmailNormalized, now, account.id))
                .onFailure(Account::isAddressTaken).transform(taken -> new Refusal(ProblemType.EMAIL_IN_USE))
                .flatMap(updated -> links.revokeAll(account, now))
                .flatMap(revoked -> tell(account, oldEmail, Stage.CHANGED, link.newEmail, null, null, now))
                .call(() -> audit.record(AuditKind.EMAIL_CHANGED, account.id, null, EmailAddress.masked(link.newEmail)))
                .replaceWith(link);
    }

    /**
     * "This wasn't me": the cancellation link is spent (once) and the change's confirmation link stops
     * working. The account's address never changed, so nothing else does.
     */
    public Uni<EmailedLink> cancel(EmailedLink cancellation, Instant now) {
        return links.spend(cancellation, now)
                .flatMap(spent -> links.revoke(cancellation.account, LinkKind.Action.CONFIRM_EMAIL, now))
                .call(() -> audit.record(AuditKind.EMAIL_CHANGE_CANCELLED, cancellation.account.id, null,
                        EmailAddress.masked(cancellation.newEmail)))
                .replaceWith(cancellation);
    }

    /**
     * The email a new link rides in: the confirmation to a free address, a notice without a link to a taken
     * one, the cancellation to the old address.
     */
    private LinkEmail email(Stage stage, Instant now) {
        return (link, sealFor) -> switch (stage) {
            case CONFIRM_NEW_ADDRESS -> tell(link.account, link.newEmail, stage, link.account.email, sealFor.apply(
                    EmailAddressChange.sealBinding(link.account.id, link.newEmail, stage, link.expiresAt)), link.expiresAt, now);
            case ASKED -> tell(link.account, link.account.email, stage, link.newEmail, sealFor.apply(
                    EmailAddressChange.sealBinding(link.account.id, link.account.email, stage, link.expiresAt)), link.expiresAt, now);
            default -> tell(link.account, link.newEmail, stage, link.account.email, null, null, now);
        };
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
