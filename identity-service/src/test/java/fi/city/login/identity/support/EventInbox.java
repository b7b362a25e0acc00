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
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.vertx.mutiny.sqlclient.Pool;
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
public class EventInbox {

    private final String bootstrapServers;
    private final ObjectMapper json;
    private final Pool database;

    public EventInbox(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, ObjectMapper json,
                      Pool database) {
        this.bootstrapServers = bootstrapServers;
        this.json = json;
        this.database = database;
    }

    /** The local-only key of dev-keys/: in production only notification-service holds it. */
    private static final PrivateKey NOTIFICATION_KEY = SealedToken.privateKey("../dev-keys/link-token-private.pem");

    /** How long the first events may take to arrive: generous, a slow machine only makes the test slower. */
    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    /** The password-link events for the account: waits for {@code expected} of them, none missed and none more. */
    public List<MailedLink> eventsFor(UUID accountId, int expected) throws Exception {
        return read(PasswordResetRequested.TOPIC, PasswordResetRequested.class, event -> accountId.equals(event.accountId()), expected)
                .stream().map(record -> new MailedLink(record.event(), SealedToken.open(record.event().sealedToken(), record.event().sealBinding(), List.of(NOTIFICATION_KEY)),
                        record.traceParent())).toList();
    }

    /** The password-changed notices for the account: waits for {@code expected}, none missed and none more. */
    public List<PasswordChanged> passwordChangesFor(UUID accountId, int expected) throws Exception {
        return events(read(PasswordChanged.TOPIC, PasswordChanged.class, event -> accountId.equals(event.accountId()), expected));
    }

    /** The no-account notices to the address: waits for {@code expected}, none missed and none more. */
    public List<NoAccountNotice> noAccountNoticesTo(String email, int expected) throws Exception {
        return events(read(NoAccountNotice.TOPIC, NoAccountNotice.class, notice -> email.equals(notice.email()), expected));
    }

    /**
     * The email-change events for the account but the notices that a change was asked (see
     * {@link #emailChangesAskedFor}), each with its confirmation token opened (null where it has none): waits
     * for {@code expected}, none missed and none more.
     */
    public List<EmailChangeMail> emailChangesFor(UUID accountId, int expected) throws Exception {
        return emailChanges(accountId, expected, stage -> stage != EmailAddressChange.Stage.ASKED);
    }

    /** The notices to the old address that a change was asked, each with its cancellation token opened. */
    public List<EmailChangeMail> emailChangesAskedFor(UUID accountId, int expected) throws Exception {
        return emailChanges(accountId, expected, stage -> stage == EmailAddressChange.Stage.ASKED);
    }

    private List<EmailChangeMail> emailChanges(UUID accountId, int expected, Predicate<EmailAddressChange.Stage> stages)
            throws Exception {
        return read(EmailAddressChange.TOPIC, EmailAddressChange.class,
                event -> accountId.equals(event.accountId()) && stages.test(event.stage()), expected)
                .stream().map(record -> new EmailChangeMail(record.event(), record.event().sealedToken() == null ? null
                        : SealedToken.open(record.event().sealedToken(), record.event().sealBinding(), List.of(NOTIFICATION_KEY)))).toList();
    }

    /** An email-change event as notification-service reads it, with its token opened. */
    public record EmailChangeMail(EmailAddressChange event, String token) {
    }

    private static <T> List<T> events(List<Received<T>> received) {
        return received.stream().map(Received::event).toList();
    }

    /**
     * Every event of the topic that the predicate wants, once all that identity-service committed has been
     * published: "no more than these" is proved by reading the topic to its end after the outbox is empty
     * (the relay deletes a row only once the broker has the record), never by listening a while.
     */
    private <T> List<Received<T>> read(String topic, Class<T> type, Predicate<T> wanted, int expected) throws Exception {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        long deadline = System.nanoTime() + ARRIVAL.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            while (true) {
                awaitEmptyOutbox(deadline);
                List<Received<T>> found = readToEnd(consumer, topic, type, wanted, deadline);
                if (found.size() >= expected || System.nanoTime() > deadline) {
                    return found;
                }
                Thread.sleep(100);
            }
        }
    }

    private void awaitEmptyOutbox(long deadline) throws InterruptedException {
        while (database.query("SELECT count(*) AS n FROM identity.outbox_event").execute().await().indefinitely()
                .iterator().next().getLong("n") > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox did not empty: identity-service could not publish");
            }
            Thread.sleep(50);
        }
    }

    private <T> List<Received<T>> readToEnd(KafkaConsumer<String, String> consumer, String topic, Class<T> type,
                                            Predicate<T> wanted, long deadline) throws Exception {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        List<Received<T>> found = new ArrayList<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("could not read " + topic + " to its end");
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                T event = json.readValue(record.value(), type);
                if (wanted.test(event) && record.offset() < end.get(new TopicPartition(topic, record.partition()))) {
                    Header traceParent = record.headers().lastHeader("traceparent");
                    found.add(new Received<>(event, traceParent == null ? null
                            : new String(traceParent.value(), java.nio.charset.StandardCharsets.US_ASCII)));
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
