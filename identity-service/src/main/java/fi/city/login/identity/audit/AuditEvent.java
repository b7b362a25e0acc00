package fi.city.login.identity.audit;

import fi.city.login.identity.api.account.AccountActivity;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event of the audit trail. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public AuditKind kind;

    @Column(name = "account_id")
    public UUID accountId;

    @Column(name = "client_address")
    public String clientAddress;

    /** A purpose, a client id or a count; never a secret. */
    public String detail;

    /** The W3C trace id of the request that caused it, to find its log lines (and spans, where exported). */
    @Column(name = "trace_id")
    public String traceId;

    /** What the API shows of the event (a city system's lookup, the resident's own recent activity). */
    public AccountActivity view() {
        return new AccountActivity(kind.name(), occurredAt, clientAddress, detail, traceId);
    }
}
