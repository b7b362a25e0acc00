package fi.city.login.identity.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.PasswordResetRequested;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads the password-link events that reached the real Kafka topic, as notification-service would. */
@ApplicationScoped
public class ResetLinkInbox {

    private final String bootstrapServers;
    private final ObjectMapper json;

    public ResetLinkInbox(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    /** Every event for the account that arrives within the timeout, waiting until at least {@code count}. */
    public List<PasswordResetRequested> eventsFor(UUID accountId, int count, Duration timeout) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<PasswordResetRequested> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(PasswordResetRequested.TOPIC));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (accountId.toString().equals(record.key())) {
                        found.add(json.readValue(record.value(), PasswordResetRequested.class));
                    }
                }
            }
        }
        return found;
    }

    public PasswordResetRequested onlyEventFor(UUID accountId) throws Exception {
        List<PasswordResetRequested> events = eventsFor(accountId, 1, Duration.ofSeconds(20));
        if (events.size() != 1) {
            throw new AssertionError("expected one event for " + accountId + ", got " + events.size());
        }
        return events.get(0);
    }
}
