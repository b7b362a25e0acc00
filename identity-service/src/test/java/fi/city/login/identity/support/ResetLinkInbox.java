package fi.city.login.identity.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.PasswordChanged;
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

/** Reads the events that reached the real Kafka topics, as notification-service would. */
@ApplicationScoped
public class ResetLinkInbox {

    private final String bootstrapServers;
    private final ObjectMapper json;

    public ResetLinkInbox(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    /** Every password-link event for the account within the timeout, waiting until at least {@code count}. */
    public List<PasswordResetRequested> eventsFor(UUID accountId, int count, Duration timeout) throws Exception {
        return read(PasswordResetRequested.TOPIC, PasswordResetRequested.class, accountId, count, timeout);
    }

    /** Every password-changed notice for the account within the timeout, waiting until at least {@code count}. */
    public List<PasswordChanged> passwordChangesFor(UUID accountId, int count, Duration timeout) throws Exception {
        return read(PasswordChanged.TOPIC, PasswordChanged.class, accountId, count, timeout);
    }

    private <T> List<T> read(String topic, Class<T> type, UUID accountId, int count, Duration timeout) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<T> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (found.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (accountId.toString().equals(record.key())) {
                        found.add(json.readValue(record.value(), type));
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
