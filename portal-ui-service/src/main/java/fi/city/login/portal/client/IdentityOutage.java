package fi.city.login.portal.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether identity-service answers. A call that got no answer at all (it is starting, restarting, or
 * unreachable) starts an outage, logged once at WARN with its cause, not once per page; the next answer
 * of any kind ends it, logged at INFO. The pages meanwhile say that the service is temporarily
 * unavailable.
 */
@Provider
public class IdentityOutage implements ClientResponseFilter {

    private static final Logger LOG = Logger.getLogger(IdentityOutage.class);
    private static final AtomicBoolean DOWN = new AtomicBoolean();

    /** A call to identity-service failed without an answer. */
    public static void noAnswer(Throwable failure) {
        if (DOWN.compareAndSet(false, true)) {
            Throwable cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            LOG.warnf("identity-service does not answer (%s); pages say the service is temporarily unavailable",
                    cause.toString());
        }
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        // A request that a filter aborted (the token could not be fetched) "answers" with status 0.
        if (response.getStatus() >= 100 && DOWN.compareAndSet(true, false)) {
            LOG.info("identity-service answers again");
        }
    }
}
