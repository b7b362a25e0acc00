package fi.city.login.identity.oidc;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.session.Session;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An opaque refresh token: used once, then replaced by a new one of the same family. Only its SHA-256 is
 * stored. It lives no longer than the portal session it came from.
 */
@Entity
@Table(name = "refresh_token")
public class RefreshToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    /** The id of the authorization code that started the family. */
    @Column(name = "family_id")
    public UUID familyId;

    @Column(name = "client_id")
    public String clientId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "session_id")
    public Session session;

    public String scope;

    @Column(name = "auth_time")
    public Instant authTime;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
