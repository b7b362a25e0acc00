package fi.city.login.identity.flow.recovery;

import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.grant.RefreshTokens;
import fi.city.login.identity.link.EmailedLink;
import fi.city.login.identity.link.EmailedLinks;
import fi.city.login.identity.link.LinkKind;
import fi.city.login.identity.link.PasswordLinks;
import fi.city.login.identity.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * "It wasn't me", from the link of a new-browser notice: every session of the account ends, with the
 * e-services' refresh tokens, and a password link is mailed (within its own limits) to start a reset. The
 * link needs no login (whoever logged in may hold the session); opening it only inspects it, and of parallel
 * submissions one spends it.
 */
@ApplicationScoped
public class AccountSecuring {

    private final EmailedLinks links;
    private final PasswordLinks passwordLinks;
    private final Sessions sessions;
    private final RefreshTokens refreshTokens;
    private final AuditTrail audit;

    public AccountSecuring(EmailedLinks links, PasswordLinks passwordLinks, Sessions sessions, RefreshTokens refreshTokens,
                           AuditTrail audit) {
        this.links = links;
        this.passwordLinks = passwordLinks;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.audit = audit;
    }

    public Uni<EmailedLink> inspect(String token) {
        return Panache.withSession(() -> links.inspect(token, LinkKind.Action.SECURE_ACCOUNT));
    }

    public Uni<EmailedLink> secure(String token) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> links.inspect(token, LinkKind.Action.SECURE_ACCOUNT)
                .call(link -> links.spend(link, now))
                .call(link -> sessions.endAll(link.account, null, now))
                .call(link -> refreshTokens.revokeAll(link.account.id, now))
                .call(link -> audit.record(AuditKind.SESSION_ENDED, link.account.id, null, "every session: it wasn't me"))
                .call(link -> passwordLinks.issue(link.account, LinkKind.FORGOTTEN_PASSWORD)));
    }
}
