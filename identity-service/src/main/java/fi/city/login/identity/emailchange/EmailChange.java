package fi.city.login.identity.emailchange;

import fi.city.login.identity.account.Account;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A change of an account's email address, waiting for the link mailed to the new address. Its life:
 * open → confirmed (the address changed), revoked (a newer request, or another address won) or expired.
 * Only the SHA-256 of the link's token is stored.
 */
@Entity
@Table(name = "email_change")
public class EmailChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "new_email")
    public String newEmail;

    @Column(name = "new_email_normalized")
    public String newEmailNormalized;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean isOpen(Instant now) {
        return confirmedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}
