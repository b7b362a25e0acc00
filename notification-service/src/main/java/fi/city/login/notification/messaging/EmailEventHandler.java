package fi.city.login.notification.messaging;

import io.smallrye.mutiny.Uni;

/** A consumer of one topic's email events; the retry job hands it a parked event again. */
public interface EmailEventHandler {

    String topic();

    Uni<Void> handle(EmailOnce.Received received, EmailOnce.Attempt attempt);
}
