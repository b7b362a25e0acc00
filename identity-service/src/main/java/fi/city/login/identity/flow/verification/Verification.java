package fi.city.login.identity.flow.verification;

import io.quarkus.hibernate.reactive.panache.Panache;
import fi.city.login.identity.emailchange.EmailChange;
import fi.city.login.identity.emailchange.EmailChanges;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The verification flow: the link mailed to a new address proves the resident reads it. Opening the link
 * only inspects it; confirming on the page spends it and changes the address. No login is needed: the
 * change was asked for with the password, and the link proves the new mailbox.
 */
@ApplicationScoped
public class Verification {

    private final EmailChanges emailChanges;

    public Verification(EmailChanges emailChanges) {
        this.emailChanges = emailChanges;
    }

    public Uni<EmailChange> inspect(String token) {
        return Panache.withSession(() -> emailChanges.inspect(token));
    }

    public Uni<EmailChange> confirm(String token) {
        return Panache.withTransaction(() -> emailChanges.inspect(token)
                .flatMap(change -> emailChanges.confirm(change, Instant.now())));
    }
}
