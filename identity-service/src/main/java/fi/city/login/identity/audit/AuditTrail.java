package fi.city.login.identity.audit;

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

    public Uni<Void> record(AuditKind kind, UUID accountId, String clientAddress, String detail) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.occurredAt = Instant.now();
        event.kind = kind;
        event.accountId = accountId;
        event.clientAddress = clientAddress;
        event.detail = detail;
        return event.persist().invoke(() -> LOG.infof("audit %s account=%s address=%s%s", kind, accountId, clientAddress,
                detail == null ? "" : " " + detail)).replaceWithVoid();
    }

    /** The account's latest events, newest first. Runs in the caller's session. */
    public Uni<List<AuditEvent>> recent(UUID accountId) {
        return AuditEvent.<AuditEvent>find("accountId = ?1 order by occurredAt desc", accountId).page(0, RECENT).list();
    }
}
