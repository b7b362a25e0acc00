package fi.city.login.portal.client;

import fi.city.login.identity.api.ProblemType;

/**
 * identity-service refused a request. {@link #type()} is the contract's problem type, or null when the
 * answer was not one of ours (a proxy's error page, say): then only the status tells.
 */
public class IdentityProblem extends RuntimeException {

    private final int status;
    private final ProblemType type;

    public IdentityProblem(int status, ProblemType type) {
        super("identity-service answered " + status + " " + (type == null ? "" : type.slug()), null, false, false);
        this.status = status;
        this.type = type;
    }

    /** A refusal the portal reaches on its own, before asking (a link page opened without a token, say). */
    public static IdentityProblem of(ProblemType type) {
        return new IdentityProblem(type.status(), type);
    }

    public int status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public boolean is(ProblemType expected) {
        return type == expected;
    }
}
