package fi.city.login.identity.flow.login;

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
 * A login between its steps, as Kratos keeps its flows: the first factor is behind it, the next step is
 * named, and it lives a few minutes and finishes once. Only the SHA-256 of its token is stored; the token
 * rides in the portal's cookie.
 */
@Entity
@Table(name = "login_flow")
public class LoginFlow extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    /** The factors given so far (RFC 8176 values): what the session's amr starts from. */
    public String amr;

    @Enumerated(EnumType.STRING)
    @Column(name = "next_step")
    public LoginStepName nextStep;

    @Column(name = "remember_me")
    public boolean rememberMe;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "completed_at")
    public Instant completedAt;
}
