package fi.city.login.identity.passkey;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A resident's passkey: its credential id and public key, the counter and flags the spec asks to keep, a name. */
@Entity
@Table(name = "passkey")
public class Passkey extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "credential_id")
    public byte[] credentialId;

    /** webauthn4j's AttestedCredentialData, serialized: the AAGUID, the credential id and the COSE public key. */
    @Column(name = "attested_credential_data")
    public byte[] attestedCredentialData;

    @Column(name = "sign_count")
    public long signCount;

    @Column(name = "uv_initialized")
    public boolean uvInitialized;

    /** BE: the passkey may be synced to the resident's other devices (a software key, "swk"). */
    @Column(name = "backup_eligible")
    public boolean backupEligible;

    /** BS: it is synced now. */
    @Column(name = "backup_state")
    public boolean backupState;

    /** Comma-separated, as the browser reported them (internal, hybrid, usb, …), for the next login's hints. */
    public String transports;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;
}
