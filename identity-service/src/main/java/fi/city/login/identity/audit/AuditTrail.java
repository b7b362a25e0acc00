package fi.city.login.identity.audit;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The audit trail: one row per event, written in the caller's session and transaction (an action that
 * rolls back leaves no event), and one log line for ops under the category {@code fi.city.login.audit}.
 * Never a password, token or hash: the detail is a purpose, a client id or a count.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger("fi.city.login.audit");
    private static final int RECENT = 100;

    private final MeterRegistry registry;

    /** Counts every event by kind ({@code identity_audit_events_total{kind}}): logins by outcome, links sent and used. */
    public AuditTrail(MeterRegistry registry) {
        this.registry = registry;
    }

    public Uni<Void> record(AuditKind kind, UUID accountId, String clientAddress, String detail) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = Instant.now();
        event.kind = kind;
        event.accountId = accountId;
        event.clientAddress = clientAddress;
        event.detail = detail;
        event.traceId = currentTraceId();
        return event.persist().invoke(() -> registry.counter("identity.audit.events", "kind", kind.name()).increment())
                .invoke(() -> LOG.infof("audit %s account=%s address=%s trace=%s%s", kind, accountId,
                clientAddress, event.traceId, detail == null ? "" : " " + detail)).replaceWithVoid();
    }

    /** The trace the request is part of: the caller's (its traceparent header) or one begun here. */
    private static String currentTraceId() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /** The account's latest events, newest first. Runs in the caller's session. */
    public Uni<List<AuditEvent>> recent(UUID accountId) {
        return AuditEvent.<AuditEvent>find("accountId = ?1 order by occurredAt desc", accountId).page(0, RECENT).list();
    }
}
