package fi.city.login.stack;

import fi.city.login.infra.EmbeddedKafkaBroker;
import fi.city.login.infra.EmbeddedPostgresServer;
import fi.city.login.infra.EmbeddedSmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the standard Quarkus variables set, the local stack uses those servers and starts none of its
 * own; both services then share one database, each in its own schema, as production runs them: each
 * service as its own database user that reads and writes its own schema only, migrated beforehand by its
 * migration user ({@code ops/database-roles.sql}, the migration Jobs in {@code k8s/base}).
 */
class ExternalServersTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void usesTheDatabaseKafkaAndSmtpServerNamedInTheEnvironmentEachServiceAsItsOwnDatabaseUser() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start("citylogin");
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
             EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(0)) {
            LocalStack.createTopics(kafka);
            Path root = LocalStack.findRoot();
            try (Connection owner = DriverManager.getConnection(postgres.jdbcUrl("citylogin"),
                    EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
                 Statement sql = owner.createStatement()) {
                sql.execute(Files.readString(root.resolve("ops/database-roles.sql")));
                for (String role : List.of("identity_migrator", "identity_app", "notification_migrator", "notification_app")) {
                    sql.execute("ALTER ROLE " + role + " PASSWORD '" + password(role) + "'");
                }
            }
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("citylogin"));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("citylogin"));
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.port()));
            // As the Deployments run: migrations are the Job's, a service only checks it is not ahead of its schema.
            Map<String, String> asApp = Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "false", "QUARKUS_FLYWAY_VALIDATE_AT_START", "true");

            // Like the migration Jobs: the services' ConfigMaps, but none of their Secrets' files mounted.
            Map<String, String> configMaps = Map.of(
                    "IDENTITY_LINK_TOKEN_RECIPIENT_KEY_LOCATION", "/etc/identity/link-token-key/public.pem",
                    "NOTIFICATION_LINK_TOKEN_KEY_LOCATION", "/etc/notification/link-token-key/private.pem");
            ServiceProcess early = ServiceProcess.start("identity-service", root, 0, 0,
                    with(env, configMaps, user("identity_app"), asApp), QUIET);
            assertTrue(early.exitsWithin(Duration.ofSeconds(60)) != 0 && early.lastLines().contains("Validate failed"),
                    "a service started before its release's migration refuses to run on the old schema:\n" + early.lastLines());

            for (String service : List.of("identity", "notification")) {
                ServiceProcess.runInitTasks(service + "-service", root, with(env, configMaps, asApp, user(service + "_migrator")),
                        QUIET, Duration.ofSeconds(90));
            }

            try (LocalStack stack = LocalStack.start(root, Ports.free(), env, Map.of(
                    "identity-service", with(user("identity_app"), asApp),
                    "notification-service", with(user("notification_app"), asApp)), QUIET)) {
                assertNull(stack.smtp(), "no SMTP server of its own");
                assertNull(stack.mailboxUrl());

                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(stack.identityUrl() + "/api/v1/login/identifier"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + MigratedResidents.clientToken(stack,
                                LocalStack.PORTAL_CLIENT_ID, LocalStack.PORTAL_CLIENT_SECRET))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"esimerkki.erkki@example.com\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
                assertTrue(answer.body().contains("LINK_SENT"), answer.body());

                assertTrue(smtp.awaitMessages(1, 30_000), "the link went through the external SMTP server");
                MimeMessage email = smtp.messages().get(0);
                assertEquals("Asiointipalvelu: Vaihda unohtunut salasanasi", email.getSubject());
            }

            String jdbc = postgres.jdbcUrl("citylogin");
            assertRefused(jdbc, "notification_app", "SELECT count(*) FROM identity.account");
            assertRefused(jdbc, "identity_app", "SELECT count(*) FROM notification.delivery");
            assertRefused(jdbc, "identity_app", "DROP TABLE identity.account");
            assertRefused(jdbc, "identity_app", "CREATE TABLE identity.intruder (id int)");
            assertRefused(jdbc, "identity_app", "CREATE TABLE public.intruder (id int)");
        }
    }

    private static void assertRefused(String jdbcUrl, String role, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, role, password(role));
             Statement sql = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), role + " may not: " + statement);
            assertEquals("42501", refused.getSQLState(), role + ": " + statement + ": " + refused.getMessage());
        }
    }

    private static Map<String, String> user(String role) {
        return Map.of("QUARKUS_DATASOURCE_USERNAME", role, "QUARKUS_DATASOURCE_PASSWORD", password(role));
    }

    @SafeVarargs
    private static Map<String, String> with(Map<String, String>... settings) {
        Map<String, String> all = new HashMap<>();
        for (Map<String, String> some : settings) {
            all.putAll(some);
        }
        return all;
    }

    private static String password(String role) {
        return "local-only-" + role.replace('_', '-');
    }
}
