package fi.city.login.stack;

import fi.city.login.events.EmailAddressChange;
import fi.city.login.events.NoAccountNotice;
import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.infra.Await;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * "Nothing more will arrive", proved rather than waited for: every event identity-service committed is in
 * Kafka (its outbox is empty: the relay deletes a row only once the broker has it), notification-service's
 * consumers have committed past every record of the email topics (a record is committed only once its
 * email was sent, parked or given up), and no delivery is being attempted. Past that point no path sends a
 * second copy of anything asked for before it, so counting the emails then means something.
 */
final class NothingOnItsWay {

    private static final String GROUP = "notification-service";
    private static final List<String> TOPICS = List.of(PasswordResetRequested.TOPIC, PasswordChanged.TOPIC,
            EmailAddressChange.TOPIC, NoAccountNotice.TOPIC);

    private NothingOnItsWay() {
    }

    static void await(LocalStack stack) throws InterruptedException {
        Await.until("every event published, consumed and its email sent", Duration.ofSeconds(60), () -> settled(stack));
    }

    private static boolean settled(LocalStack stack) {
        try {
            return count(stack, "identity-service", "SELECT count(*) FROM identity.outbox_event") == 0
                    && consumedToTheEnd(stack)
                    && count(stack, "notification-service",
                    "SELECT count(*) FROM notification.delivery WHERE status = 'SENDING'") == 0;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static boolean consumedToTheEnd(LocalStack stack) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().bootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata().get();
            List<TopicPartition> partitions = admin.describeTopics(TOPICS).allTopicNames().get().values().stream()
                    .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                    .toList();
            Map<TopicPartition, Long> ends = admin.listOffsets(partitions.stream()
                            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> end.getValue().offset()));
            return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                    || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue()));
        }
    }

    private static long count(LocalStack stack, String service, String query) throws Exception {
        Map<String, String> datasource = stack.datasourceOf(service);
        try (Connection connection = DriverManager.getConnection(datasource.get("QUARKUS_DATASOURCE_JDBC_URL"),
                datasource.get("QUARKUS_DATASOURCE_USERNAME"), datasource.get("QUARKUS_DATASOURCE_PASSWORD"));
             ResultSet result = connection.createStatement().executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }
}
