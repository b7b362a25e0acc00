package fi.city.login.identity.session;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.token.HashedToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A login session of the portal. Only the SHA-256 of its token is stored; logout revokes it here. */
@Entity
@Table(name = "session")
public class Session extends HashedToken {

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    /** "Remember me": the portal keeps the cookie across browser restarts. */
    public boolean persistent;

    /** The resident's address at login, as the portal saw it. */
    @Column(name = "client_address")
    public String clientAddress;

    /** The browser's User-Agent at login (cut to 300 characters), to tell the resident's sessions apart. */
    public String browser;

    /**
     * How the resident proved who they are, as RFC 8176 values separated by spaces: "pwd", and "otp mfa" once
     * a second factor was given (at login, or later when an e-service asked for it). The ID token's amr.
     */
    public String amr;

    /** When the session was last used, to the minute: see {@code identity.session.*-idle-timeout}. */
    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    public List<String> methods() {
        return Arrays.asList(amr.split(" "));
    }

    public boolean hadSecondFactor() {
        return methods().contains(AuthenticationMethods.MFA);
    }
}
