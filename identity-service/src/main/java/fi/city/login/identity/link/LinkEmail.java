package fi.city.login.identity.link;

import io.smallrye.mutiny.Uni;

/** The email that carries a new link: its kind writes the event to the outbox, in the issuing transaction. */
@FunctionalInterface
public interface LinkEmail {

    /** @param sealedToken the link's token, sealed to notification-service: the only form in which it leaves */
    Uni<Void> write(EmailedLink link, String sealedToken);
}
