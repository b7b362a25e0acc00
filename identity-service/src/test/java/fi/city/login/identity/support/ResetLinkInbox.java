package fi.city.login.identity.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.EmailEvent;
import fi.city.login.events.NoAccountNotice;
import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.SealedToken;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/** Reads the events that reached the real Kafka topics, as notification-service would. */
@ApplicationScoped
public class ResetLinkInbox {

    private final String bootstrapServers;
    private final ObjectMapper json;

    public ResetLinkInbox(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper json) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
    }

    /** The local-only key of dev-keys/: in production only notification-service holds it. */
    private static final PrivateKey NOTIFICATION_KEY = SealedToken.privateKey("../dev-keys/link-token-private.pem");

    /** Every password-link event for the account within the timeout, waiting until at least {@code count}. */
    public List<MailedLink> eventsFor(UUID accountId, int count, Duration timeout) throws Exception {
        return read(PasswordResetRequested.TOPIC, PasswordResetRequested.class, accountId, count, timeout).stream()
                .map(event -> new MailedLink(event, SealedToken.open(event.sealedToken(), NOTIFICATION_KEY))).toList();
    }

    /** Every password-changed notice for the account within the timeout, waiting until at least {@code count}. */
    public List<PasswordChanged> passwordChangesFor(UUID accountId, int count, Duration timeout) throws Exception {
        return read(PasswordChanged.TOPIC, PasswordChanged.class, accountId, count, timeout);
    }

    /** Every no-account notice to the address within the timeout, waiting until at least {@code count}. */
    public List<NoAccountNotice> noAccountNoticesTo(String email, int count, Duration timeout) throws Exception {
        return read(NoAccountNotice.TOPIC, NoAccountNotice.class, notice -> email.equals(notice.email()), count, timeout);
    }

    private <T extends EmailEvent> List<T> read(String topic, Class<T> type, UUID accountId, int count, Duration timeout)
            throws Exception {
        return read(topic, type, event -> accountId.equals(event.accountId()), count, timeout);
    }

    private <T> List<T> read(String topic, Class<T> type, Predicate<T> wanted, int count, Duration timeout) throws Exception {
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
                    T event = json.readValue(record.value(), type);
                    if (wanted.test(event)) {
                        found.add(event);
                    }
                }
            }
        }
        return found;
    }

    public MailedLink onlyEventFor(UUID accountId) throws Exception {
        List<MailedLink> events = eventsFor(accountId, 1, Duration.ofSeconds(20));
        if (events.size() != 1) {
            throw new AssertionError("expected one event for " + accountId + ", got " + events.size());
        }
        return events.get(0);
    }
}
