package fi.city.login.identity.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A login session of the portal. Only the SHA-256 of its token is stored; logout revokes it here. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    /** "Remember me": the portal keeps the cookie across browser restarts. */
    public boolean persistent;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public static Uni<Session> findActive(byte[] tokenHash, Instant now) {
        return Session.<Session>find("from Session s join fetch s.account a left join fetch a.legacyUsernames "
                + "where s.tokenHash = ?1 and s.revokedAt is null and s.expiresAt > ?2", tokenHash, now).list().map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** Password changed: every session of the account ends. */
    public static Uni<Integer> revokeAll(Account account, Instant now) {
        return update("revokedAt = ?1 where account = ?2 and revokedAt is null", now, account);
    }
}
