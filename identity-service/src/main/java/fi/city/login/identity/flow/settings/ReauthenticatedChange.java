package fi.city.login.identity.flow.settings;

import fi.city.login.identity.bruteforce.ReservedChecks;
import fi.city.login.identity.credential.Reauthentication;
import fi.city.login.identity.session.Session;
import fi.city.login.identity.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.function.Function;

/**
 * A change to the account's factors: the password again (and the second factor's code, when there is one),
 * counted as a login's and reserved in a transaction of its own; then the change, in a transaction that also
 * gives the reservation back and spends the code.
 */
@ApplicationScoped
class ReauthenticatedChange {

    private final Sessions sessions;
    private final Reauthentication reauthentication;

    ReauthenticatedChange(Sessions sessions, Reauthentication reauthentication) {
        this.sessions = sessions;
        this.reauthentication = reauthentication;
    }

    <T> Uni<T> run(String sessionToken, String currentPassword, String code, Function<Session, Uni<T>> change) {
        return Panache.withSession(() -> sessions.current(sessionToken)).flatMap(session -> ReservedChecks.runToTheEnd(
                Panache.withTransaction(() -> reauthentication.reserve(session, code, Instant.now()))
                        .flatMap(reserved -> reauthentication.verify(session, currentPassword))
                        .flatMap(verified -> Panache.withTransaction(() -> reauthentication.giveBack(session, code, Instant.now())
                                .flatMap(givenBack -> change.apply(session))))));
    }
}
