package fi.city.login.infra;

import kafka.server.BrokerServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * A real Apache Kafka broker in KRaft mode (one combined broker and controller node) inside this JVM,
 * listening on a free port on localhost.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private EmbeddedKafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static EmbeddedKafkaBroker start() {
        keepTheHostingJvm();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    // A single node can only replicate its internal topics once.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafkaBroker(cluster);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not start", e);
        }
    }

    /**
     * A broker in this JVM must not end it. Kafka halts its JVM on a log directory failure, and the test kit's
     * temporary log directories are deleted by a shutdown hook of their own while the broker still runs: every
     * stop of the local stack (Ctrl-C) ended the JVM at once with status 1, before the stack had stopped its
     * services. The failing Kafka thread ends instead; the broker is stopped with the stack.
     */
    private static void keepTheHostingJvm() {
        Exit.setHaltProcedure((status, message) -> {
            throw new IllegalStateException("the embedded Kafka broker asked to halt the JVM (" + status + "): " + message);
        });
        Exit.setExitProcedure((status, message) -> {
            throw new IllegalStateException("the embedded Kafka broker asked to exit the JVM (" + status + "): " + message);
        });
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /**
     * Stops the broker, as a crash or a rolling restart would: clients lose their connections and find
     * nobody at the port until {@link #startAgain()}. The controller keeps the cluster's metadata.
     */
    public void stop() {
        broker().shutdown();
        broker().awaitShutdown();
    }

    /** Starts the stopped broker again on the same port and log directories: what it had acknowledged is still there. */
    public void startAgain() {
        broker().startup();
        try {
            cluster.waitForReadyBrokers();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting Kafka", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not come back", e);
        }
    }

    private BrokerServer broker() {
        return cluster.brokers().values().iterator().next();
    }

    /**
     * Creates a topic with the given topic-level settings (such as {@code retention.ms}), unless it
     * exists already.
     */
    public void createTopic(String name, int partitions, Map<String, String> settings) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(java.util.List.of(new NewTopic(name, partitions, (short) 1).configs(settings)))
                    .all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topic " + name, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("embedded Kafka did not stop cleanly", e);
        }
    }
}
