package fi.city.login.identity.flow.legacyimport;

import java.util.List;
import java.util.Map;

/**
 * The result of a legacy import (or of its dry run): how many rows had each outcome, and every row
 * that was rejected or merged, by its line in the file.
 */
public record ImportReport(boolean dryRun, int rows, Map<String, Long> outcomes, List<RowOutcome> rejectedOrMerged) {

    public record RowOutcome(int line, String legacyUsername, String email, String outcome) {
    }

    String summary() {
        return rows + " rows, " + outcomes;
    }
}
