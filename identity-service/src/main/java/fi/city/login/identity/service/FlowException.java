package fi.city.login.identity.service;

import java.time.Duration;
import java.util.Optional;

/** A request refused for a reason the caller can act on; answered as a problem detail. */
public class FlowException extends RuntimeException {

    private final FlowError error;
    private final Duration retryAfter;

    public FlowException(FlowError error) {
        this(error, null);
    }

    public FlowException(FlowError error, Duration retryAfter) {
        super(error.title(), null, false, false);
        this.error = error;
        this.retryAfter = retryAfter;
    }

    public FlowError error() {
        return error;
    }

    /** When the caller may try again, for the Retry-After header; empty when it need not wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
