package fi.city.login.identity.service;

/** A request refused for a reason the caller can act on; answered as a problem detail. */
public class FlowException extends RuntimeException {

    private final FlowError error;

    public FlowException(FlowError error) {
        super(error.title(), null, false, false);
        this.error = error;
    }

    public FlowError error() {
        return error;
    }
}
