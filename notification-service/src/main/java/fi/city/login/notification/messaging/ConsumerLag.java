package fi.city.login.notification.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.apache.kafka.common.MetricName;

/**
 * The one Kafka client figure the dashboard reads: {@code kafka_consumer_fetch_manager_records_lag_max{topic}},
 * how many records of a topic the busiest of its consumers had not yet fetched (Kafka's own "records-lag-max",
 * the largest over its last minute or so). Micrometer's Kafka binder, which gave this and about 1,000 other
 * series and a thread per client, is off (docs/decisions.md, "One Kafka gauge instead of the binder").
 *
 * <p>Read when scraped: a consumer's metrics are safe to read from any thread, and a channel whose
 * consumers are not there (yet, or any more) reports NaN rather than a lag of nothing.
 */
@Startup // the gauges exist from the start, like the others the dashboard reads
@ApplicationScoped
public class ConsumerLag {

    private static final String GAUGE = "kafka.consumer.fetch.manager.records.lag.max";

    public ConsumerLag(KafkaClientService kafka, Instance<EmailEventHandler> handlers, MeterRegistry registry) {
        // Each handler's channel is named after its topic.
        for (EmailEventHandler handler : handlers) {
            String topic = handler.topic();
            Gauge.builder(GAUGE, () -> recordsLagMax(kafka, topic))
                    .tag("topic", topic)
                    .description("records of the topic not yet fetched by its most lagging consumer")
                    .register(registry);
        }
    }

    private static double recordsLagMax(KafkaClientService kafka, String channel) {
        double max = Double.NaN;
        for (String running : kafka.getConsumerChannels()) {
            if (!isOf(running, channel)) {
                continue;
            }
            for (KafkaConsumer<Object, Object> consumer : kafka.<Object, Object>getConsumers(running)) {
                for (var metric : consumer.unwrap().metrics().entrySet()) {
                    if (isConsumersLagMax(metric.getKey()) && metric.getValue().metricValue() instanceof Double lag && !lag.isNaN()) {
                        max = Double.isNaN(max) ? lag : Math.max(max, lag);
                    }
                }
            }
        }
        return max;
    }

    /** A channel with {@code concurrency} set runs as copies named {@code channel$1}, {@code channel$2}, … */
    private static boolean isOf(String running, String channel) {
        return running.equals(channel) || running.startsWith(channel + "$");
    }

    /** The consumer-wide figure (the largest of its partitions'), not the per-partition ones beside it. */
    private static boolean isConsumersLagMax(MetricName name) {
        return name.name().equals("records-lag-max") && name.group().equals("consumer-fetch-manager-metrics")
                && !name.tags().containsKey("partition");
    }
}
