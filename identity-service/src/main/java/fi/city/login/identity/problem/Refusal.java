package fi.city.login.identity.problem;

import fi.city.login.identity.api.ProblemType;

import java.time.Duration;
import java.util.Optional;

/**
 * A request refused for a reason the caller can act on. Every refusal is one of the API's
 * {@link ProblemType}s; {@link ProblemMappers} answers it as a problem document.
 */
public class Refusal extends RuntimeException {

    private final ProblemType type;
    private final Duration retryAfter;

    public Refusal(ProblemType type) {
        this(type, null);
    }

    public Refusal(ProblemType type, Duration retryAfter) {
        super(type.title(), null, false, false);
        this.type = type;
        this.retryAfter = retryAfter;
    }

    public ProblemType type() {
        return type;
    }

    /** When the caller may try again, for the Retry-After header; empty when it need not wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** A failed {@code Uni} with this refusal, for reactive chains. */
    public static <T> io.smallrye.mutiny.Uni<T> as(ProblemType type) {
        return io.smallrye.mutiny.Uni.createFrom().failure(new Refusal(type));
    }
}
