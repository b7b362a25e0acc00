package fi.city.login.identity.flow.recovery;

import fi.city.login.events.NoAccountNotice.Asked;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.account.LegacyUsername;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.EmailRequestLimit;
import fi.city.login.identity.bruteforce.EvenAnswerTime;
import fi.city.login.identity.credential.PasswordHasher;
import fi.city.login.identity.credential.PasswordPolicy;
import fi.city.login.identity.credential.PasswordUpdate;
import fi.city.login.identity.link.EmailedLink;
import fi.city.login.identity.link.LinkKind;
import fi.city.login.identity.link.PasswordLinks;
import fi.city.login.identity.notice.NoAccountNotices;
import fi.city.login.identity.problem.Refusal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The recovery flow: a password link by email sets the first password of a migrated or new account, or
 * replaces a forgotten one. Opening the link only inspects it; submitting the new password spends it.
 */
@ApplicationScoped
public class Recovery {

    private final PasswordLinks links;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final PasswordUpdate passwordUpdate;
    private final EmailRequestLimit emailLimit;
    private final EvenAnswerTime evenAnswerTime;
    private final NoAccountNotices noAccountNotices;

    public Recovery(PasswordLinks links, PasswordPolicy policy, PasswordHasher hasher, PasswordUpdate passwordUpdate,
                    EmailRequestLimit emailLimit, EvenAnswerTime evenAnswerTime, NoAccountNotices noAccountNotices) {
        this.noAccountNotices = noAccountNotices;
        this.emailLimit = emailLimit;
        this.evenAnswerTime = evenAnswerTime;
        this.links = links;
        this.policy = policy;
        this.hasher = hasher;
        this.passwordUpdate = passwordUpdate;
    }

    /**
     * "Forgot your username or password?": sends a link if the address (or the old system's username) belongs
     * to an account that may have one, and
     * tells an address without an account so by email. Answers the same either way, in both modes of
     * {@code identity.login.reveal-unknown-addresses}, so the caller learns nothing about which addresses
     * exist; the mailbox's owner does.
     *
     * @param locale the page's language, for the notice to an address without an account
     */
    public Uni<Void> requestLink(String typed, String locale, String clientAddress) {
        return evenAnswerTime.of(() -> {
            // A username of the old system has no @; its link goes to the address it became.
            boolean legacyUsername = LegacyUsername.isTyped(typed);
            EmailAddress email = legacyUsername ? null : EmailAddress.parse(typed);
            return requestLinkNow(email, legacyUsername ? typed.strip() : null, locale, clientAddress);
        });
    }

    private Uni<Void> requestLinkNow(EmailAddress email, String legacyUsername, String locale, String clientAddress) {
        // Every request counts against the address's hourly limit, known address or not, so that the
        // limit says nothing either.
        Instant now = Instant.now();
        return Panache.withTransaction(() -> emailLimit.allow(clientAddress, now).flatMap(allowed -> !allowed
                ? Uni.createFrom().voidItem()
                : (email != null ? Account.findByEmail(email) : Account.findByLegacyUsername(legacyUsername)).flatMap(account -> {
            if (account == null) {
                // An unknown old username names no address to tell.
                return email == null ? Uni.createFrom().voidItem() : noAccountNotices.send(email, locale, Asked.PASSWORD_LINK, now);
            }
            if (account.state == AccountState.DISABLED) {
                return Uni.createFrom().voidItem();
            }
            return links.issue(account, account.state == AccountState.PENDING_FIRST_PASSWORD
                    ? LinkKind.FIRST_LOGIN : LinkKind.FORGOTTEN_PASSWORD);
        })));
    }

    /** What the set-password page shows; refused with a link problem when the link cannot be used. */
    public Uni<EmailedLink> inspect(String token) {
        return Panache.withSession(() -> links.inspect(token));
    }

    public Uni<Void> setPassword(String token, String password, String confirmation) {
        if (!password.equals(confirmation)) {
            return Refusal.as(ProblemType.PASSWORD_MISMATCH);
        }
        return inspect(token).flatMap(link -> {
            policy.requireAcceptable(password, link.account.email);
            // Hash before the transaction: no row is locked while Argon2 runs.
            return hasher.hash(password).flatMap(hash -> Panache.withTransaction(() -> {
                Instant now = Instant.now();
                return links.spend(link, now).flatMap(spent -> passwordUpdate.set(link.account, hash, null, now));
            }));
        });
    }
}
