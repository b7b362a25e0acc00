package fi.city.login.stack;

import fi.city.login.infra.EmbeddedKafkaBroker;
import fi.city.login.infra.EmbeddedPostgresServer;
import fi.city.login.infra.EmbeddedSmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With the standard Quarkus variables set, the local stack uses those servers and starts none of its
 * own; both services then share one database, each in its own schema.
 */
class ExternalServersTest {

    @Test
    void usesTheDatabaseKafkaAndSmtpServerNamedInTheEnvironment() throws Exception {
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start("citylogin");
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start();
             EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(0)) {
            LocalStack.createTopics(kafka);
            Map<String, String> env = new HashMap<>(System.getenv());
            env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl("citylogin"));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl("citylogin"));
            env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
            env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.port()));

            try (LocalStack stack = LocalStack.start(LocalStack.findRoot(), Ports.free(), env,
                    new PrintStream(OutputStream.nullOutputStream()))) {
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
        }
    }
}
