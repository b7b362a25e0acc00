package fi.city.login.identity.link;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.Locales;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.outbox.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The password link: the emailed links whose action is {@link LinkKind.Action#SET_PASSWORD} (first login,
 * new account, forgotten password), on the lifecycle of {@link EmailedLinks}; and the login code
 * ({@link LinkKind#LOGIN_CODE}), which rides in the same email. What is theirs alone is that email
 * ({@code password-reset-requested}, its purpose the link's kind) and what the audit trail says of them.
 */
@ApplicationScoped
public class PasswordLinks {

    private final EmailedLinks links;
    private final OutboxWriter outbox;
    private final AuditTrail audit;

    public PasswordLinks(EmailedLinks links, OutboxWriter outbox, AuditTrail audit) {
        this.links = links;
        this.outbox = outbox;
        this.audit = audit;
    }

    /** Mails the account a password link of the kind, within the limits of {@link EmailedLinks#issue}. */
    public Uni<Void> issue(Account account, LinkKind kind) {
        return issue(account, kind, null);
    }

    /** @param browser a new-browser notice's browser, for the email; null for the other kinds */
    public Uni<Void> issue(Account account, LinkKind kind, String browser) {
        Instant now = Instant.now();
        return links.issue(account, kind, null, now, (link, sealFor) -> announce(link, sealFor, now, browser))
                .flatMap(sent -> sent ? audit.record(AuditKind.LINK_SENT, account.id, null, kind.name()) : Uni.createFrom().voidItem());
    }

    /** The password link the token names if it can still be used; otherwise refused with the link problem that says why. */
    public Uni<EmailedLink> inspect(String token) {
        return links.inspect(token, LinkKind.Action.SET_PASSWORD);
    }

    /** Spends the link: of two submissions of the same link, exactly one goes on to set the password. */
    public Uni<Void> spend(EmailedLink link, Instant now) {
        return links.spend(link, now).call(() -> audit.record(AuditKind.LINK_USED, link.account.id, null, link.kind.name()));
    }

    private Uni<Void> announce(EmailedLink link, UnaryOperator<String> sealFor, Instant now, String browser) {
        Account account = link.account;
        UUID eventId = UUID.randomUUID();
        Purpose purpose = Purpose.valueOf(link.kind.name());
        String sealedToken = sealFor.apply(PasswordResetRequested.sealBinding(account.id, account.email, purpose, link.expiresAt));
        // The topic keeps its promised name; it carries every kind of password link (see event-contract).
        PasswordResetRequested event = new PasswordResetRequested(eventId, PasswordResetRequested.VERSION,
                account.id, account.email, account.displayName, Locales.supportedOrDefault(account.locale),
                purpose, sealedToken, link.expiresAt, now, browser);
        return outbox.add(eventId, PasswordResetRequested.TOPIC, account.id.toString(), event, now);
    }
}
