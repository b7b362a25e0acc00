package fi.city.login.identity.flow.login;

import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.api.login.IdentifierResponse.NextStep;
import fi.city.login.identity.link.PasswordLinks;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The first screen of login: the resident gives an email address and learns what comes next. An account
 * carried over from the old system gets its first-password link here.
 */
@ApplicationScoped
public class IdentifierStep {

    private final PasswordLinks links;
    private final LoginConfig config;
    private final Vertx vertx;

    public IdentifierStep(PasswordLinks links, LoginConfig config, Vertx vertx) {
        this.links = links;
        this.config = config;
        this.vertx = vertx;
    }

    public Uni<NextStep> identify(String rawEmail) {
        EmailAddress email = EmailAddress.parse(rawEmail);
        long started = System.nanoTime();
        return Panache.withTransaction(() -> answer(email)).call(next -> {
            long remainingMillis = config.minimumAnswerTime().toMillis() - (System.nanoTime() - started) / 1_000_000;
            return remainingMillis > 0
                    ? Uni.createFrom().<Void>emitter(done -> vertx.setTimer(remainingMillis, timer -> done.complete(null)))
                    : Uni.createFrom().voidItem();
        });
    }

    private Uni<NextStep> answer(EmailAddress email) {
        return Account.findByEmail(email).flatMap(account -> {
            if (account == null) {
                return Uni.createFrom().item(config.revealUnknownAddresses() ? NextStep.NOT_RECOGNISED : NextStep.PASSWORD);
            }
            return switch (account.state) {
                case PENDING_FIRST_PASSWORD -> links.issue(account, Purpose.FIRST_LOGIN).replaceWith(NextStep.LINK_SENT);
                case ACTIVE, DISABLED -> Uni.createFrom().item(NextStep.PASSWORD);
            };
        });
    }
}
