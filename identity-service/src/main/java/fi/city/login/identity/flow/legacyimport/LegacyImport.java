package fi.city.login.identity.flow.legacyimport;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The legacy import flow: the old login system's users, each row a legacy username, an email, a name and
 * a language. Rows are staged in the database in batches (bounded memory however large the file), their
 * outcomes decided there with SQL, and applied only when it is not a dry run. The same email on several
 * legacy usernames makes one account with all of them; a legacy username already on another account, or
 * repeated in the file, is rejected; a row already imported is left unchanged, so a re-run changes
 * nothing. Blocking: runs on a worker thread.
 */
@ApplicationScoped
public class LegacyImport {

    private static final Logger LOG = Logger.getLogger(LegacyImport.class);
    private static final int BATCH = 5_000;
    private static final int PROGRESS_EVERY = 10_000;

    private final Pool database;
    private final LegacyImportSql sql;

    public LegacyImport(Pool database, @ConfigProperty(name = "quarkus.hibernate-orm.database.default-schema") String schema) {
        this.database = database;
        this.sql = new LegacyImportSql(schema);
    }

    /** @param rows the file's rows as field maps, in order; {@code firstLine} is the line number of the first */
    public ImportReport run(Iterator<Map<String, Object>> rows, int firstLine, boolean dryRun) {
        UUID importId = UUID.randomUUID();
        try {
            int count = stage(importId, rows, firstLine);
            inOneTransaction(importId, "deciding", sql.decideOutcomes);
            if (!dryRun) {
                inOneTransaction(importId, "applying", sql.apply);
            }
            ImportReport report = report(importId, count, dryRun);
            LOG.infof("legacy import %s%s: %s", importId, dryRun ? " (dry run)" : "", report.summary());
            return report;
        } finally {
            database.preparedQuery(sql.forgetImport).execute(Tuple.of(importId)).await().indefinitely();
        }
    }

    private int stage(UUID importId, Iterator<Map<String, Object>> rows, int firstLine) {
        List<StagedRow> batch = new ArrayList<>(BATCH);
        int line = firstLine;
        int count = 0;
        while (rows.hasNext()) {
            batch.add(StagedRow.check(line++, rows.next()));
            count++;
            if (batch.size() == BATCH) {
                stageBatch(importId, batch);
            }
            if (count % PROGRESS_EVERY == 0) {
                LOG.infof("legacy import %s: %d rows read", importId, count);
            }
        }
        if (!batch.isEmpty()) {
            stageBatch(importId, batch);
        }
        return count;
    }

    /** The batch as one row of column arrays (see {@link LegacyImportSql#stageRows}); empties it. */
    private void stageBatch(UUID importId, List<StagedRow> batch) {
        int size = batch.size();
        Integer[] lines = new Integer[size];
        String[][] columns = new String[7][size];
        for (int i = 0; i < size; i++) {
            StagedRow row = batch.get(i);
            lines[i] = row.line();
            columns[0][i] = row.username();
            columns[1][i] = row.usernameNormalized();
            columns[2][i] = row.email();
            columns[3][i] = row.emailNormalized();
            columns[4][i] = row.displayName();
            columns[5][i] = row.locale();
            columns[6][i] = row.outcome() == null ? null : row.outcome().name();
        }
        Tuple arrays = Tuple.of(importId, lines).addArrayOfString(columns[0]).addArrayOfString(columns[1])
                .addArrayOfString(columns[2]).addArrayOfString(columns[3]).addArrayOfString(columns[4])
                .addArrayOfString(columns[5]).addArrayOfString(columns[6]);
        database.preparedQuery(sql.stageRows).execute(arrays).await().indefinitely();
        batch.clear();
    }

    /** Each statement sees what the ones before it wrote. */
    private void inOneTransaction(UUID importId, String what, List<String> statements) {
        database.withTransaction(connection -> inOrder(connection, importId, what, statements)).await().indefinitely();
    }

    /** Logs each step as it ends: on a large file the steps take a while, and the log is the progress. */
    private static Uni<Void> inOrder(SqlConnection connection, UUID importId, String what, List<String> statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < statements.size(); i++) {
            String statement = statements.get(i);
            String step = what + " " + (i + 1) + "/" + statements.size();
            chain = chain.flatMap(done -> {
                long started = System.nanoTime();
                return connection.preparedQuery(statement).execute(Tuple.of(importId))
                        .invoke(result -> LOG.infof("legacy import %s: %s done, %d rows, %d ms", importId, step,
                                result.rowCount(), (System.nanoTime() - started) / 1_000_000))
                        .replaceWithVoid();
            });
        }
        return chain;
    }

    private ImportReport report(UUID importId, int count, boolean dryRun) {
        Map<String, Long> outcomes = new TreeMap<>();
        for (Row row : database.preparedQuery(sql.countOutcomes).execute(Tuple.of(importId)).await().indefinitely()) {
            outcomes.put(row.getString("outcome"), row.getLong("n"));
        }
        List<ImportReport.RowOutcome> noteworthy = new ArrayList<>();
        for (Row row : database.preparedQuery(sql.rejectedOrMerged).execute(Tuple.of(importId)).await().indefinitely()) {
            noteworthy.add(new ImportReport.RowOutcome(row.getInteger("line"), row.getString("username"),
                    row.getString("email"), row.getString("outcome")));
        }
        return new ImportReport(dryRun, count, outcomes, noteworthy);
    }
}
