package fi.city.login.identity.grant;

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
 * A one-time authorization code (OpenID Connect's code flow), bound to the client, the redirect URI, the
 * PKCE challenge, the nonce and the portal session it was issued in. Only its SHA-256 is stored.
 */
@Entity
@Table(name = "authorization_code")
public class AuthorizationCode extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "code_hash")
    public byte[] codeHash;

    @Column(name = "client_id")
    public String clientId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "account_id")
    public Account account;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "session_id")
    public Session session;

    @Column(name = "redirect_uri")
    public String redirectUri;

    /** Space-separated, as granted. */
    public String scope;

    /** BASE64URL(SHA-256(code_verifier)): only S256 is accepted. */
    @Column(name = "code_challenge")
    public String codeChallenge;

    public String nonce;

    /** When the resident last entered their password in this session (the ID token's auth_time). */
    @Column(name = "auth_time")
    public Instant authTime;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
