package fi.city.login.identity.session;

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

    /** The resident's address at login, as the portal saw it. */
    @Column(name = "client_address")
    public String clientAddress;

    /** The browser's User-Agent at login (cut to 300 characters), to tell the resident's sessions apart. */
    public String browser;

    /** When the session was last used, to the minute: see {@code identity.session.*-idle-timeout}. */
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;
}
