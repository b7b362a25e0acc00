package fi.city.login.identity.flow.verification;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.ReservedChecks;
import fi.city.login.identity.credential.Reauthentication;
import fi.city.login.identity.emailchange.EmailChanges;
import fi.city.login.identity.link.EmailedLink;
import fi.city.login.identity.link.LinkKind;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * The verification flow: the link mailed to a new address proves the resident reads it. Opening the link
 * only inspects it; confirming on the page spends it and changes the address, and only in a live session
 * of the link's account with its current password typed again: the link proves the mailbox, the session
 * and the password who reads it (an intruder's link, opened in a fresh browser, moves nothing). The link
 * mailed to the old address at the same time cancels the change, without a login: its owner may have
 * lost the password to the intruder.
 */
@ApplicationScoped
public class Verification {

    private final EmailChanges emailChanges;
    private final Sessions sessions;
    private final Reauthentication reauthentication;

    public Verification(EmailChanges emailChanges, Sessions sessions, Reauthentication reauthentication) {
        this.emailChanges = emailChanges;
        this.sessions = sessions;
        this.reauthentication = reauthentication;
    }

    public Uni<EmailedLink> inspect(String token) {
        return Panache.withSession(() -> emailChanges.inspect(token, LinkKind.Action.CONFIRM_EMAIL));
    }

    /**
     * Refused with {@code session-invalid} without a live session, {@code link-of-another-account} in
     * another account's session, and as a wrong login for a wrong password (the check counts as one).
     */
    public Uni<EmailedLink> confirm(String token, String sessionToken, String currentPassword, String secondFactorCode) {
        return Panache.withSession(() -> sessions.current(sessionToken)
                        .flatMap(session -> emailChanges.inspect(token, LinkKind.Action.CONFIRM_EMAIL).map(link -> {
                            if (!link.account.id.equals(session.account.id)) {
                                throw new Refusal(ProblemType.LINK_OF_ANOTHER_ACCOUNT);
                            }
                            return session;
                        })))
                // The right password is given back in a transaction of its own: a confirmation that loses the
                // race for the link (a double click) must not leave a failed login behind.
                .flatMap(session -> ReservedChecks.runToTheEnd(
                        Panache.withTransaction(() -> reauthentication.reserve(session, secondFactorCode, Instant.now()))
                                .flatMap(reserved -> reauthentication.verify(session, currentPassword))
                                .flatMap(verified -> Panache.withTransaction(() -> reauthentication.giveBack(session, secondFactorCode, Instant.now())))))
                .flatMap(verified -> Panache.withTransaction(() -> emailChanges.inspect(token, LinkKind.Action.CONFIRM_EMAIL)
                        .flatMap(link -> emailChanges.confirm(link, Instant.now()))));
    }

    public Uni<EmailedLink> inspectCancellation(String token) {
        return Panache.withSession(() -> emailChanges.inspect(token, LinkKind.Action.CANCEL_EMAIL_CHANGE));
    }

    public Uni<EmailedLink> cancel(String token) {
        return Panache.withTransaction(() -> emailChanges.inspect(token, LinkKind.Action.CANCEL_EMAIL_CHANGE)
                .flatMap(cancellation -> emailChanges.cancel(cancellation, Instant.now())));
    }
}
