package fi.city.login.identity.grant;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.session.Session;
import fi.city.login.identity.token.HashedToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
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
public class RefreshToken extends HashedToken {

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

    @Column(name = "used_at")
    public Instant usedAt;
}
