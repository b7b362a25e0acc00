package fi.city.login.identity.link;

import io.smallrye.mutiny.Uni;

import java.util.function.UnaryOperator;

/** The email that carries a new link: its kind writes the event to the outbox, in the issuing transaction. */
@FunctionalInterface
public interface LinkEmail {

    /**
     * @param sealFor seals the link's token for the email whose binding it is given (the event's
     *                {@code sealBinding}): the only form in which the token leaves, and it opens for that
     *                email alone
     */
    Uni<Void> write(EmailedLink link, UnaryOperator<String> sealFor);
}
