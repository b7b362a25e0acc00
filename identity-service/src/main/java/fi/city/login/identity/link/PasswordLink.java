package fi.city.login.identity.link;

import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.account.Account;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
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
 * A password link: the emailed, single-use way to set an account's password. Only the SHA-256 of its
 * token is stored. Opening the link does not spend it (mail scanners follow links); setting the
 * password does. Its life: open → used, revoked (a newer link, or the password changed) or expired.
 */
@Entity
@Table(name = "password_link")
public class PasswordLink extends PanacheEntityBase {

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
