package fi.city.login.portal.client;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.PasswordPolicyView;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The password policy as identity-service enforces it, learned from identity-service at start (retried
 * until it answers) and kept: the pages' hints and errors name its figures, and the portal has no setting
 * of its own for them. Until identity-service first answers, identity-api's defaults stand in.
 */
@ApplicationScoped
public class PasswordRules {

    private static final Logger LOG = Logger.getLogger(PasswordRules.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final IdentityApi identity;
    private final AtomicReference<PasswordPolicyView> learned = new AtomicReference<>();

    public PasswordRules(@RestClient IdentityApi identity) {
        this.identity = identity;
    }

    void learnAtStart(@Observes StartupEvent start) {
        learn().subscribe().with(policy -> LOG.debugf("password policy: %s", policy),
                failure -> LOG.warnf("the password policy could not be learned: %s", failure.toString()));
    }

    /** The policy, once identity-service has told it; its defaults before. */
    public PasswordPolicyView policy() {
        PasswordPolicyView policy = learned.get();
        return policy != null ? policy : PasswordPolicyView.defaults();
    }

    /** Whether identity-service has told the policy yet. */
    public boolean learned() {
        return learned.get() != null;
    }

    Uni<PasswordPolicyView> learn() {
        return Uni.createFrom().deferred(identity::passwordPolicy)
                .onFailure().retry().withBackOff(RETRY, RETRY.multipliedBy(15)).indefinitely()
                .invoke(learned::set);
    }
}
