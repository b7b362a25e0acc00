package fi.city.login.identity.passkey;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** The random challenge of one passkey ceremony: spent once, within its few minutes. */
@Entity
@Table(name = "webauthn_challenge")
public class WebAuthnChallenge extends PanacheEntityBase {

    public enum Ceremony {
        REGISTRATION, AUTHENTICATION
    }

    @Id
    public UUID id;

    public byte[] challenge;

    @Enumerated(EnumType.STRING)
    public Ceremony ceremony;

    /** The account a registration is for; null for a login, whose account the passkey names. */
    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
