package fi.city.login.identity.flow.legacyimport;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * Reading the old system's export, streamed: CSV with the header
 * {@code legacy_username,email,display_name,locale}, or JSON (an array, or one object per line) with the
 * same fields, in UTF-8. Each row is a map of field to value.
 */
final class ImportFile {

    static final String CSV = "text/csv";

    private ImportFile() {
    }

    static MappingIterator<Map<String, Object>> rows(InputStream body, String contentType, ObjectMapper json)
            throws IOException {
        return isCsv(contentType)
                ? new CsvMapper().readerFor(Map.class).with(CsvSchema.emptySchema().withHeader()).readValues(body)
                : json.readerFor(Map.class).readValues(body);
    }

    /** The file's line number of the first row: CSV's line 1 is the header; JSON rows are counted from 1. */
    static int firstLine(String contentType) {
        return isCsv(contentType) ? 2 : 1;
    }

    private static boolean isCsv(String contentType) {
        return contentType != null && contentType.startsWith(CSV);
    }
}
