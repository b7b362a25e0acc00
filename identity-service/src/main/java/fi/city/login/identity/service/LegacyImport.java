package fi.city.login.identity.service;

import fi.city.login.identity.domain.EmailAddress;
import fi.city.login.identity.domain.LegacyUsername;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Imports the old login system's users: each row a legacy username, an email, a name and a language.
 * Rows are staged in the database in batches (bounded memory however large the file), checked there
 * with SQL, and applied only when it is not a dry run. The same email on several legacy usernames makes
 * one account with all of them; a legacy username already on another account, or repeated in the file,
 * is rejected; a row already imported is left unchanged, so a re-run changes nothing. Blocking: runs on
 * a worker thread.
 */
@ApplicationScoped
public class LegacyImport {

    private static final Logger LOG = Logger.getLogger(LegacyImport.class);
    private static final int BATCH = 500;
    private static final int PROGRESS_EVERY = 10_000;
    private static final Set<String> LANGUAGES = Set.of("fi", "sv", "en");

    private final Pool database;
    private final String schema;

    public LegacyImport(Pool database, @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.database = database;
        this.schema = schema;
    }

    /** @param rows the file's rows as field maps, in order; {@code firstLine} is the line number of the first */
    public ImportReport run(Iterator<Map<String, Object>> rows, int firstLine, boolean dryRun) {
        UUID importId = UUID.randomUUID();
        try {
            int count = stage(importId, rows, firstLine);
            check(importId);
            if (!dryRun) {
                apply(importId);
            }
            ImportReport report = report(importId, count, dryRun);
            LOG.infof("legacy import %s%s: %s", importId, dryRun ? " (dry run)" : "", report.summary());
            return report;
        } finally {
            database.preparedQuery("DELETE FROM " + schema + ".legacy_import_row WHERE import_id = $1")
                    .execute(Tuple.of(importId)).await().indefinitely();
        }
    }

    private int stage(UUID importId, Iterator<Map<String, Object>> rows, int firstLine) {
        String insert = "INSERT INTO " + schema + ".legacy_import_row (import_id, line, username, username_normalized, "
                + "email, email_normalized, display_name, locale, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
        List<Tuple> batch = new ArrayList<>(BATCH);
        int line = firstLine;
        int count = 0;
        while (rows.hasNext()) {
            batch.add(staged(importId, line++, rows.next()));
            count++;
            if (batch.size() == BATCH) {
                database.preparedQuery(insert).executeBatch(batch).await().indefinitely();
                batch.clear();
            }
            if (count % PROGRESS_EVERY == 0) {
                LOG.infof("legacy import %s: %d rows read", importId, count);
            }
        }
        if (!batch.isEmpty()) {
            database.preparedQuery(insert).executeBatch(batch).await().indefinitely();
        }
        return count;
    }

    /** A row ready for staging; one that fails a check on its own is staged already rejected. */
    private static Tuple staged(UUID importId, int line, Map<String, Object> row) {
        String username = text(row, "legacy_username");
        String email = text(row, "email");
        String name = text(row, "display_name");
        String locale = text(row, "locale").toLowerCase(java.util.Locale.ROOT);
        String outcome = null;
        String emailNormalized = email.toLowerCase(java.util.Locale.ROOT);
        if (username.isEmpty() || username.length() > 100) {
            outcome = Outcome.REJECTED_BAD_USERNAME.name();
        } else if (name.isEmpty() || name.length() > 200) {
            outcome = Outcome.REJECTED_BAD_NAME.name();
        } else if (!locale.isEmpty() && !LANGUAGES.contains(locale)) {
            outcome = Outcome.REJECTED_BAD_LANGUAGE.name();
        } else {
            try {
                EmailAddress parsed = EmailAddress.parse(email);
                email = parsed.display();
                emailNormalized = parsed.normalized();
            } catch (EmailAddress.InvalidEmailException e) {
                outcome = Outcome.REJECTED_BAD_EMAIL.name();
            }
        }
        return Tuple.from(List.of(importId, line, username, LegacyUsername.normalize(username), email, emailNormalized,
                name, locale.isEmpty() ? Locales.DEFAULT : locale)).addString(outcome);
    }

    private static String text(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? "" : value.toString().strip();
    }

    /** Decides every staged row's outcome with SQL; each statement sees the rows as they were before it. */
    private void check(UUID importId) {
        String rows = schema + ".legacy_import_row";
        String accounts = schema + ".account";
        String usernames = schema + ".legacy_username";
        database.withTransaction(connection -> connection.preparedQuery(
                        // A legacy username on an earlier line of the file wins; the later line is rejected.
                        "UPDATE " + rows + " r SET outcome = 'REJECTED_USERNAME_REPEATED' WHERE r.import_id = $1 "
                                + "AND r.outcome IS NULL AND EXISTS (SELECT 1 FROM " + rows + " f WHERE f.import_id = $1 "
                                + "AND f.outcome IS NULL AND f.username_normalized = r.username_normalized AND f.line < r.line)")
                .execute(Tuple.of(importId))
                .flatMap(done -> connection.preparedQuery(
                        // A legacy username that belongs to an account with another email stays there.
                        "UPDATE " + rows + " r SET outcome = 'REJECTED_USERNAME_TAKEN' WHERE r.import_id = $1 "
                                + "AND r.outcome IS NULL AND EXISTS (SELECT 1 FROM " + usernames + " l JOIN " + accounts
                                + " a ON a.id = l.account_id WHERE l.username_normalized = r.username_normalized "
                                + "AND a.email_normalized <> r.email_normalized)").execute(Tuple.of(importId)))
                .flatMap(done -> connection.preparedQuery(
                        // Imported before: nothing to do, which makes a re-run harmless.
                        "UPDATE " + rows + " r SET outcome = 'UNCHANGED' WHERE r.import_id = $1 AND r.outcome IS NULL "
                                + "AND EXISTS (SELECT 1 FROM " + usernames + " l JOIN " + accounts + " a ON a.id = l.account_id "
                                + "WHERE l.username_normalized = r.username_normalized "
                                + "AND a.email_normalized = r.email_normalized)").execute(Tuple.of(importId)))
                .flatMap(done -> connection.preparedQuery(
                        // The email has an account already: the legacy username joins it.
                        "UPDATE " + rows + " r SET outcome = 'MERGED_INTO_EXISTING' WHERE r.import_id = $1 "
                                + "AND r.outcome IS NULL AND EXISTS (SELECT 1 FROM " + accounts + " a "
                                + "WHERE a.email_normalized = r.email_normalized)").execute(Tuple.of(importId)))
                .flatMap(done -> connection.preparedQuery(
                        // The same email on several legacy usernames: one new account, the others merged into it.
                        "UPDATE " + rows + " r SET outcome = CASE WHEN r.line = (SELECT min(f.line) FROM " + rows + " f "
                                + "WHERE f.import_id = $1 AND f.outcome IS NULL AND f.email_normalized = r.email_normalized) "
                                + "THEN 'NEW_ACCOUNT' ELSE 'MERGED' END WHERE r.import_id = $1 AND r.outcome IS NULL")
                        .execute(Tuple.of(importId)))
                .replaceWithVoid()).await().indefinitely();
    }

    private void apply(UUID importId) {
        String rows = schema + ".legacy_import_row";
        database.withTransaction(connection -> connection.preparedQuery(
                        "INSERT INTO " + schema + ".account (id, email, email_normalized, display_name, locale, state, "
                                + "created_at, updated_at) SELECT gen_random_uuid(), email, email_normalized, display_name, "
                                + "locale, 'PENDING_FIRST_PASSWORD', now(), now() FROM " + rows
                                + " WHERE import_id = $1 AND outcome = 'NEW_ACCOUNT' ON CONFLICT (email_normalized) DO NOTHING")
                .execute(Tuple.of(importId))
                .flatMap(done -> connection.preparedQuery(
                        "INSERT INTO " + schema + ".legacy_username (username_normalized, username, account_id) "
                                + "SELECT r.username_normalized, r.username, a.id FROM " + rows + " r JOIN " + schema
                                + ".account a ON a.email_normalized = r.email_normalized WHERE r.import_id = $1 "
                                + "AND r.outcome IN ('NEW_ACCOUNT', 'MERGED', 'MERGED_INTO_EXISTING') "
                                + "ON CONFLICT (username_normalized) DO NOTHING").execute(Tuple.of(importId)))
                .replaceWithVoid()).await().indefinitely();
    }

    private ImportReport report(UUID importId, int count, boolean dryRun) {
        Map<String, Long> outcomes = new TreeMap<>();
        for (Row row : database.preparedQuery("SELECT outcome, count(*) AS n FROM " + schema
                + ".legacy_import_row WHERE import_id = $1 GROUP BY outcome").execute(Tuple.of(importId)).await().indefinitely()) {
            outcomes.put(row.getString("outcome"), row.getLong("n"));
        }
        List<ImportReport.RowOutcome> noteworthy = new ArrayList<>();
        for (Row row : database.preparedQuery("SELECT line, username, email, outcome FROM " + schema
                + ".legacy_import_row WHERE import_id = $1 AND outcome NOT IN ('NEW_ACCOUNT', 'UNCHANGED') ORDER BY line")
                .execute(Tuple.of(importId)).await().indefinitely()) {
            noteworthy.add(new ImportReport.RowOutcome(row.getInteger("line"), row.getString("username"),
                    row.getString("email"), row.getString("outcome")));
        }
        return new ImportReport(dryRun, count, outcomes, noteworthy);
    }

    /** What became of a row. */
    public enum Outcome {
        NEW_ACCOUNT, MERGED, MERGED_INTO_EXISTING, UNCHANGED, REJECTED_BAD_EMAIL, REJECTED_BAD_NAME,
        REJECTED_BAD_USERNAME, REJECTED_BAD_LANGUAGE, REJECTED_USERNAME_REPEATED, REJECTED_USERNAME_TAKEN
    }
}
