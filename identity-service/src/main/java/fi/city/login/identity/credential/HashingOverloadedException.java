package fi.city.login.identity.credential;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;

import java.time.Duration;

/** The hashing pool is full: the caller should retry shortly (503 with Retry-After). */
public class HashingOverloadedException extends Refusal {

    public HashingOverloadedException() {
        super(ProblemType.OVERLOADED, Duration.ofSeconds(1));
    }
}
