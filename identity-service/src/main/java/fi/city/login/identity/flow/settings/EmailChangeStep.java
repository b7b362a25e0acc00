package fi.city.login.identity.flow.settings;

import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.bruteforce.ReservedChecks;
import fi.city.login.identity.credential.Reauthentication;
import fi.city.login.identity.emailchange.EmailChanges;
import fi.city.login.identity.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The settings flow's change of email address: with the current password, the resident names a new
 * address and a link goes to it (the verification flow confirms it). Until then nothing changes.
 */
@ApplicationScoped
public class EmailChangeStep {

    private final Sessions sessions;
    private final Reauthentication reauthentication;
    private final EmailChanges emailChanges;

    public EmailChangeStep(Sessions sessions, Reauthentication reauthentication, EmailChanges emailChanges) {
        this.sessions = sessions;
        this.reauthentication = reauthentication;
        this.emailChanges = emailChanges;
    }

    public Uni<Void> request(String sessionToken, String newEmail, String currentPassword, String secondFactorCode) {
        EmailAddress newAddress = EmailAddress.parse(newEmail);
        return Panache.withSession(() -> sessions.current(sessionToken)).flatMap(session -> ReservedChecks.runToTheEnd(
                Panache.withTransaction(() -> reauthentication.reserve(session, secondFactorCode, Instant.now()))
                        .flatMap(reserved -> reauthentication.verify(session, currentPassword))
                        .flatMap(verified -> Panache.withTransaction(() -> {
                            Instant now = Instant.now();
                            return reauthentication.giveBack(session, secondFactorCode, now)
                                    .flatMap(givenBack -> emailChanges.request(session.account, newAddress, session.clientAddress, now));
                        }))));
    }
}
