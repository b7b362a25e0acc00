package fi.city.login.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How hard an email is tried, under {@code notification.delivery}. The consumer retries a few times with
 * back-off while the event waits on its partition; then the delivery is parked and the retry job tries it
 * again every {@link #parkedRetryEvery()}, doubling the wait up to {@link #maxParkedWait()}, for as long
 * as what the email offers is valid: an outage of hours loses nothing.
 */
@ConfigMapping(prefix = "notification.delivery")
public interface DeliveryConfig {

    /** Attempts by the consumer after the first, before it parks the delivery. */
    @WithDefault("3")
    int retries();

    @WithDefault("PT1S")
    Duration initialBackoff();

    @WithDefault("PT10S")
    Duration maxBackoff();

    /** How often the retry job looks for parked deliveries that are due; the first wait after parking. */
    Duration parkedRetryEvery();

    @WithDefault("PT1H")
    Duration maxParkedWait();

    /**
     * How long a stopping replica waits for the emails it is sending before it hands their claims back
     * (within the pod's termination grace period, 30 s).
     */
    @WithDefault("PT15S")
    Duration drainTimeout();

    /**
     * Delivery records (with their addresses) are removed this long after their event arrived. Keep it
     * longer than the topics' retention (7 days): a record is what stops a redelivered event from being
     * sent twice.
     */
    Duration keepRecords();
}
