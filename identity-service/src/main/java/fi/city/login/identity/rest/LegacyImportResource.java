package fi.city.login.identity.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import fi.city.login.identity.service.FlowError;
import fi.city.login.identity.service.ImportReport;
import fi.city.login.identity.service.LegacyImport;
import fi.city.login.identity.token.AccessTokenVerifier;
import io.smallrye.common.annotation.Blocking;
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
 * The admin API for importing the old system's users (scope {@value #SCOPE}). The body streams: CSV with
 * the header {@code legacy_username,email,display_name,locale}, or JSON (an array, or one object per line)
 * with the same fields, in UTF-8. {@code dryRun=true} reports what would happen and writes nothing.
 */
@Path("/api/v1/admin/legacy-imports")
public class LegacyImportResource {

    public static final String SCOPE = "accounts:import";
    private static final String CSV = "text/csv";

    private final LegacyImport legacyImport;
    private final AccessTokenVerifier verifier;
    private final ObjectMapper json;

    public LegacyImportResource(LegacyImport legacyImport, AccessTokenVerifier verifier, ObjectMapper json) {
        this.legacyImport = legacyImport;
        this.verifier = verifier;
        this.json = json;
    }

    @POST
    @Blocking
    @Consumes({CSV, "application/json", "application/x-ndjson"})
    public ImportReport importAccounts(InputStream body, @RestQuery boolean dryRun,
                                       @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
                                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) throws IOException {
        verifier.require(authorization, SCOPE);
        boolean csv = contentType != null && contentType.startsWith(CSV);
        try (MappingIterator<Map<String, Object>> rows = csv
                ? new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(body)
                : json.readerFor(Map.class).readValues(body)) {
            // CSV's line 1 is the header; JSON rows are counted from 1.
            return legacyImport.run(rows, csv ? 2 : 1, dryRun);
        } catch (JsonProcessingException | RuntimeJsonMappingException unreadable) {
            // Nothing was applied: rows are applied only after the whole file has been read and checked.
            throw FlowError.IMPORT_UNREADABLE.exception();
        } catch (RuntimeException e) {
            // The row iterator wraps what the parser could not read (bad syntax, not UTF-8) in a plain one.
            if (e.getCause() instanceof IOException) {
                throw FlowError.IMPORT_UNREADABLE.exception();
            }
            throw e;
        }
    }
}
