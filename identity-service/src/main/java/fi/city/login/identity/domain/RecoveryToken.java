package fi.city.login.identity.domain;

import fi.city.login.events.PasswordResetRequested.Purpose;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A password link. Only the SHA-256 of its token is stored. Opening the link does not spend it (mail
 * scanners follow links); setting the password does.
 */
@Entity
@Table(name = "recovery_token")
public class RecoveryToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Enumerated(EnumType.STRING)
    public Purpose purpose;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Uni<RecoveryToken> findByHash(byte[] tokenHash) {
        return find("from RecoveryToken t join fetch t.account where t.tokenHash = ?1", tokenHash).firstResult();
    }

    /** The newest link of the account that could still be used. */
    public static Uni<RecoveryToken> findNewestOpen(Account account, Instant now) {
        return find("account = ?1 and usedAt is null and revokedAt is null and expiresAt > ?2 order by createdAt desc",
                account, now).firstResult();
    }

    /** Every open link of the account stops working: a new link was sent, or the password changed. */
    public static Uni<Integer> revokeOpen(Account account, Instant now) {
        return update("revokedAt = ?1 where account = ?2 and usedAt is null and revokedAt is null", now, account);
    }

    public Status status(Instant now) {
        if (usedAt != null) {
            return Status.USED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.OPEN : Status.EXPIRED;
    }

    public enum Status {
        OPEN, USED, REVOKED, EXPIRED
    }
}
