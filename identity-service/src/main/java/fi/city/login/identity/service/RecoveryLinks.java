package fi.city.login.identity.service;

import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.config.RecoveryConfig;
import fi.city.login.identity.domain.Account;
import fi.city.login.identity.domain.RecoveryToken;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Issues password links: a new single-use token (only its hash stored), every earlier open link of
 * the account revoked, and the event that makes notification-service send the email, all in the
 * caller's transaction.
 */
@ApplicationScoped
public class RecoveryLinks {

    private final RecoveryConfig config;
    private final OutboxWriter outbox;

    public RecoveryLinks(RecoveryConfig config, OutboxWriter outbox) {
        this.config = config;
        this.outbox = outbox;
    }

    /**
     * Must run in a transaction. Within the resend cooldown of an open link it sends nothing new, so that
     * repeated clicks cannot flood a mailbox.
     */
    public Uni<Void> issue(Account account, Purpose purpose) {
        Instant now = Instant.now();
        return RecoveryToken.findNewestOpen(account, now).flatMap(newest -> {
            // Any open link will do: each of them lets the resident set a password.
            if (newest != null && newest.createdAt.isAfter(now.minus(config.resendCooldown()))) {
                return Uni.createFrom().voidItem();
            }
            return RecoveryToken.revokeOpen(account, now).flatMap(revoked -> createLink(account, purpose, now));
        });
    }

    private Uni<Void> createLink(Account account, Purpose purpose, Instant now) {
        String token = SecureTokens.generate();
        RecoveryToken link = new RecoveryToken();
        link.id = UUID.randomUUID();
        link.account = account;
        link.tokenHash = SecureTokens.hash(token);
        link.purpose = purpose;
        link.createdAt = now;
        link.expiresAt = now.plus(lifetime(purpose));
        UUID eventId = UUID.randomUUID();
        PasswordResetRequested event = new PasswordResetRequested(eventId, PasswordResetRequested.VERSION,
                account.id, account.email, account.displayName, Locales.supportedOrDefault(account.locale),
                purpose, token, link.expiresAt, now);
        return link.persist().flatMap(saved -> outbox.add(eventId, PasswordResetRequested.TOPIC,
                account.id.toString(), event, now));
    }

    private Duration lifetime(Purpose purpose) {
        return purpose == Purpose.FORGOTTEN_PASSWORD ? config.forgottenPasswordLinkLifetime()
                : config.firstLoginLinkLifetime();
    }
}
