package fi.city.login.identity.secondfactor;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An account's authenticator app: its shared secret, and what makes each code single use and guesses few. */
@Entity
@Table(name = "totp_credential")
public class TotpCredential extends PanacheEntityBase {

    @Id
    @Column(name = "account_id")
    public UUID accountId;

    public byte[] secret;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Null until the resident typed a code the app showed: until then it is no factor. */
    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "last_used_step")
    public Long lastUsedStep;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    public int failures;

    @Column(name = "paused_until")
    public Instant pausedUntil;

    public boolean confirmed() {
        return confirmedAt != null;
    }
}
