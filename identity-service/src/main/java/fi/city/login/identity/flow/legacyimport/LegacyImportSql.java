package fi.city.login.identity.flow.legacyimport;

import java.util.List;

/**
 * The SQL of the legacy import, over the staging table {@code legacy_import_row}. Written once with a
 * {@code ${schema}} placeholder and bound to the service's schema at start; every value is a bind
 * parameter ({@code $1} is always the import's id).
 */
final class LegacyImportSql {

    final String stageRows;
    /** Run in this order, in one transaction: each decides the rows the earlier ones left undecided. */
    final List<String> decideOutcomes;
    /** Run in this order, in one transaction, only when it is not a dry run. */
    final List<String> apply;
    final String countOutcomes;
    final String rejectedOrMerged;
    final String forgetImport;

    LegacyImportSql(String schema) {
        // A batch of rows as one statement of arrays, one round trip and one plan: several times faster than a
        // statement per row (bench/README.md, "Legacy import").
        stageRows = bind(schema, """
                INSERT INTO ${schema}.legacy_import_row (import_id, line, username, username_normalized, email,
                    email_normalized, display_name, locale, outcome)
                SELECT $1, * FROM unnest($2::int4[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                    $8::text[], $9::text[])""");
        decideOutcomes = List.of(
                // A legacy username on an earlier line of the file wins; the later line is rejected.
                bind(schema, """
                        UPDATE ${schema}.legacy_import_row r SET outcome = 'REJECTED_USERNAME_REPEATED'
                        WHERE r.import_id = $1 AND r.outcome IS NULL AND EXISTS (
                            SELECT 1 FROM ${schema}.legacy_import_row f
                            WHERE f.import_id = $1 AND f.outcome IS NULL
                              AND f.username_normalized = r.username_normalized AND f.line < r.line)"""),
                // A legacy username that belongs to an account with another email stays there.
                bind(schema, """
                        UPDATE ${schema}.legacy_import_row r SET outcome = 'REJECTED_USERNAME_TAKEN'
                        WHERE r.import_id = $1 AND r.outcome IS NULL AND EXISTS (
                            SELECT 1 FROM ${schema}.legacy_username l JOIN ${schema}.account a ON a.id = l.account_id
                            WHERE l.username_normalized = r.username_normalized
                              AND a.email_normalized <> r.email_normalized)"""),
                // Imported before: nothing to do, which makes a re-run harmless.
                bind(schema, """
                        UPDATE ${schema}.legacy_import_row r SET outcome = 'UNCHANGED'
                        WHERE r.import_id = $1 AND r.outcome IS NULL AND EXISTS (
                            SELECT 1 FROM ${schema}.legacy_username l JOIN ${schema}.account a ON a.id = l.account_id
                            WHERE l.username_normalized = r.username_normalized
                              AND a.email_normalized = r.email_normalized)"""),
                // The email has an account already: the legacy username joins it.
                bind(schema, """
                        UPDATE ${schema}.legacy_import_row r SET outcome = 'MERGED_INTO_EXISTING'
                        WHERE r.import_id = $1 AND r.outcome IS NULL AND EXISTS (
                            SELECT 1 FROM ${schema}.account a WHERE a.email_normalized = r.email_normalized)"""),
                // The same email on several legacy usernames: one new account, the others merged into it. Only
                // the merged rows are written: a row still undecided after this is a new account, so that a
                // file of a million new residents is not rewritten once more.
                bind(schema, """
                        UPDATE ${schema}.legacy_import_row r SET outcome = 'MERGED'
                        WHERE r.import_id = $1 AND r.outcome IS NULL AND EXISTS (
                            SELECT 1 FROM ${schema}.legacy_import_row f
                            WHERE f.import_id = $1 AND f.outcome IS NULL
                              AND f.email_normalized = r.email_normalized AND f.line < r.line)"""));
        apply = List.of(
                bind(schema, """
                        INSERT INTO ${schema}.account (id, email, email_normalized, display_name, locale, state,
                            created_at, updated_at)
                        SELECT gen_random_uuid(), email, email_normalized, display_name, locale,
                            'PENDING_FIRST_PASSWORD', now(), now()
                        FROM ${schema}.legacy_import_row WHERE import_id = $1 AND outcome IS NULL
                        ON CONFLICT (email_normalized) DO NOTHING"""),
                bind(schema, """
                        INSERT INTO ${schema}.legacy_username (username_normalized, username, account_id)
                        SELECT r.username_normalized, r.username, a.id
                        FROM ${schema}.legacy_import_row r JOIN ${schema}.account a ON a.email_normalized = r.email_normalized
                        WHERE r.import_id = $1 AND (r.outcome IS NULL OR r.outcome IN ('MERGED', 'MERGED_INTO_EXISTING'))
                        ON CONFLICT (username_normalized) DO NOTHING"""));
        countOutcomes = bind(schema, """
                SELECT coalesce(outcome, 'NEW_ACCOUNT') AS outcome, count(*) AS n FROM ${schema}.legacy_import_row
                WHERE import_id = $1 GROUP BY 1""");
        // An undecided row is a new account (see the last decision): not listed, as NULL <> 'UNCHANGED' is not true.
        rejectedOrMerged = bind(schema, """
                SELECT line, username, email, outcome FROM ${schema}.legacy_import_row
                WHERE import_id = $1 AND outcome <> 'UNCHANGED' ORDER BY line""");
        forgetImport = bind(schema, "DELETE FROM ${schema}.legacy_import_row WHERE import_id = $1");
    }

    private static String bind(String schema, String sql) {
        if (!schema.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain schema name: " + schema);
        }
        return sql.replace("${schema}", schema);
    }
}
