package fi.city.login.notification.messaging;

import fi.city.login.events.EmailAddressChange;
import fi.city.login.events.NoAccountNotice;
import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.infra.Await;
import fi.city.login.infra.quarkus.KafkaTestResource;
import fi.city.login.infra.quarkus.PostgresTestResource;
import fi.city.login.infra.quarkus.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The consumer lag the dashboard shows comes from notification-service's own gauge, one series per topic,
 * and Kafka's Micrometer binder (about 1,000 series, a thread per client) stays off.
 */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class ConsumerLagTest {

    private static final String SERIES = "kafka_consumer_fetch_manager_records_lag_max";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void eachTopicHasItsLagAndNoOtherKafkaSeriesIsScraped() throws Exception {
        // password-reset-requested runs three consumers (concurrency): its figure is theirs, not NaN.
        for (String topic : List.of(PasswordResetRequested.TOPIC, PasswordChanged.TOPIC, NoAccountNotice.TOPIC, EmailAddressChange.TOPIC)) {
            Await.until("a lag figure for " + topic, Duration.ofSeconds(20), () -> !Double.isNaN(lag(topic)));
        }
        List<String> kafkaSeries = RestAssured.get(metrics).asString().lines().filter(line -> line.startsWith("kafka_")).toList();
        assertEquals(4, kafkaSeries.size(), String.join("\n", kafkaSeries));
    }

    @Test
    void showsRecordsTheConsumerHadNotFetchedYet() throws Exception {
        // 7 MB on one partition, while a fetch brings at most 1 MB of it: the consumer fetches behind the
        // producer. Not events at all, so they go to the dead-letter topic without an email.
        String notAnEvent = "x".repeat(900_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 8; i++) {
                producer.send(new ProducerRecord<>(PasswordChanged.TOPIC, "one-partition", notAnEvent));
            }
            producer.flush();
        }
        Await.until("a lag above zero for " + PasswordChanged.TOPIC, Duration.ofSeconds(20), () -> lag(PasswordChanged.TOPIC) > 0);
    }

    private double lag(String topic) {
        Matcher line = Pattern.compile("(?m)^" + SERIES + "\\{topic=\"" + Pattern.quote(topic) + "\"} (\\S+)$")
                .matcher(RestAssured.get(metrics).asString());
        return line.find() ? Double.parseDouble(line.group(1)) : Double.NaN;
    }
}
