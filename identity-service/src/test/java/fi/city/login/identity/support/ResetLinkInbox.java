package fi.city.login.identity.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.EmailAddressChange;
import fi.city.login.events.NoAccountNotice;
import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.SealedToken;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
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

    /** How long the first events may take to arrive: generous, a slow machine only makes the test slower. */
    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    /** How long a reader keeps listening once the expected events arrived, so that one too many would show. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    /** The password-link events for the account: waits for {@code expected} of them, then listens a moment for more. */
    public List<MailedLink> eventsFor(UUID accountId, int expected) throws Exception {
        return read(PasswordResetRequested.TOPIC, PasswordResetRequested.class, event -> accountId.equals(event.accountId()), expected)
                .stream().map(record -> new MailedLink(record.event(), SealedToken.open(record.event().sealedToken(), List.of(NOTIFICATION_KEY)),
                        record.traceParent())).toList();
    }

    /** The password-changed notices for the account: waits for {@code expected}, then listens a moment for more. */
    public List<PasswordChanged> passwordChangesFor(UUID accountId, int expected) throws Exception {
        return events(read(PasswordChanged.TOPIC, PasswordChanged.class, event -> accountId.equals(event.accountId()), expected));
    }

    /** The no-account notices to the address: waits for {@code expected}, then listens a moment for more. */
    public List<NoAccountNotice> noAccountNoticesTo(String email, int expected) throws Exception {
        return events(read(NoAccountNotice.TOPIC, NoAccountNotice.class, notice -> email.equals(notice.email()), expected));
    }

    /**
     * The email-change events for the account, each with its confirmation token opened (null where it has
     * none): waits for {@code expected}, then listens a moment for more.
     */
    public List<EmailChangeMail> emailChangesFor(UUID accountId, int expected) throws Exception {
        return read(EmailAddressChange.TOPIC, EmailAddressChange.class, event -> accountId.equals(event.accountId()), expected)
                .stream().map(record -> new EmailChangeMail(record.event(), record.event().sealedToken() == null ? null
                        : SealedToken.open(record.event().sealedToken(), List.of(NOTIFICATION_KEY)))).toList();
    }

    /** An email-change event as notification-service reads it, with its token opened. */
    public record EmailChangeMail(EmailAddressChange event, String token) {
    }

    private static <T> List<T> events(List<Received<T>> received) {
        return received.stream().map(Received::event).toList();
    }

    private <T> List<Received<T>> read(String topic, Class<T> type, Predicate<T> wanted, int expected) throws Exception {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<Received<T>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            // Listening "a moment more" starts once the expected events are in and the topic is assigned (a
            // consumer that has not joined yet reads nothing, which proves nothing).
            long deadline = System.nanoTime() + ARRIVAL.toNanos();
            boolean settling = false;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    T event = json.readValue(record.value(), type);
                    if (wanted.test(event)) {
                        Header traceParent = record.headers().lastHeader("traceparent");
                        found.add(new Received<>(event, traceParent == null ? null
                                : new String(traceParent.value(), java.nio.charset.StandardCharsets.US_ASCII)));
                    }
                }
                if (!settling && found.size() >= expected && !consumer.assignment().isEmpty()) {
                    settling = true;
                    deadline = System.nanoTime() + SETTLE.toNanos();
                }
            }
        }
        return found;
    }

    private record Received<T>(T event, String traceParent) {
    }

    public MailedLink onlyEventFor(UUID accountId) throws Exception {
        List<MailedLink> events = eventsFor(accountId, 1);
        if (events.size() != 1) {
            throw new AssertionError("expected one event for " + accountId + ", got " + events.size());
        }
        return events.get(0);
    }
}
