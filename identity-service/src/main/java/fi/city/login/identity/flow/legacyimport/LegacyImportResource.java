package fi.city.login.identity.flow.legacyimport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.token.Scopes;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestQuery;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * The admin API for importing the old system's users (scope {@value Scopes#ACCOUNTS_IMPORT}); the body
 * streams, in the formats {@link ImportFile} reads. It is a dry run, which reports what would happen and
 * writes nothing, unless {@code apply=true}: a forgotten parameter must not import.
 */
@Path(LegacyImportResource.PATH)
@RolesAllowed(Scopes.ACCOUNTS_IMPORT)
public class LegacyImportResource {

    static final String PATH = "/api/v1/admin/legacy-imports";

    private final LegacyImport legacyImport;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public LegacyImportResource(LegacyImport legacyImport, ObjectMapper json, AuditTrail audit) {
        this.legacyImport = legacyImport;
        this.json = json;
        this.audit = audit;
    }

    @POST
    @Blocking
    @Consumes({ImportFile.CSV, "application/json", "application/x-ndjson"})
    public ImportReport importAccounts(InputStream body, @RestQuery boolean apply,
                                       @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) throws IOException {
        try (MappingIterator<Map<String, Object>> rows = ImportFile.rows(body, contentType, json)) {
            ImportReport report = legacyImport.run(rows, ImportFile.firstLine(contentType), !apply);
            if (apply) {
                recordInAuditTrail(report);
            }
            return report;
        } catch (JsonProcessingException | RuntimeJsonMappingException unreadable) {
            // Nothing was applied: rows are applied only after the whole file has been read and checked.
            throw new Refusal(ProblemType.IMPORT_UNREADABLE);
        } catch (RuntimeException e) {
            // The row iterator wraps what the parser could not read (bad syntax, not UTF-8) in a plain one.
            if (e.getCause() instanceof IOException) {
                throw new Refusal(ProblemType.IMPORT_UNREADABLE);
            }
            throw e;
        }
    }

    /** On this worker thread, through a Vert.x context of its own, as the audit trail's session needs one. */
    private void recordInAuditTrail(ImportReport report) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                    audit.record(AuditKind.LEGACY_IMPORT, null, null, report.summary())));
        } catch (Throwable e) {
            throw new IllegalStateException("the import was applied but not recorded in the audit trail", e);
        }
    }
}
