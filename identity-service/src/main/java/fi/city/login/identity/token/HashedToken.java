package fi.city.login.identity.token;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/**
 * The columns of every row that stands for an opaque token handed out ({@link OpaqueTokens}): a session,
 * an emailed link, a refresh token. Only the token's SHA-256 is stored; the row lives from
 * {@code created_at} to {@code expires_at} unless revoked first.
 */
@MappedSuperclass
public abstract class HashedToken extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
