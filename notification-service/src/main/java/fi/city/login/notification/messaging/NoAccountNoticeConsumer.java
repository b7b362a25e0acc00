package fi.city.login.notification.messaging;

import fi.city.login.events.NoAccountNotice;
import fi.city.login.notification.email.NoAccountEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Tells an address without an account, once per event, that it has none (see {@link NoAccountNotice}). */
@ApplicationScoped
public class NoAccountNoticeConsumer implements EmailEventHandler {

    private final EmailOnce emailOnce;
    private final NoAccountEmail email;

    public NoAccountNoticeConsumer(EmailOnce emailOnce, NoAccountEmail email) {
        this.emailOnce = emailOnce;
        this.email = email;
    }

    @Incoming(NoAccountNotice.TOPIC)
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return handle(EmailOnce.Received.from(record), EmailOnce.Attempt.WITH_RETRIES);
    }

    @Override
    public String topic() {
        return NoAccountNotice.TOPIC;
    }

    @Override
    public Uni<Void> handle(EmailOnce.Received received, EmailOnce.Attempt attempt) {
        NoAccountNotice event = emailOnce.read(received.payload(), NoAccountNotice.class,
                e -> e.version() == NoAccountNotice.VERSION && e.asked() != null);
        return emailOnce.deliver(received, event, "NO_ACCOUNT_" + event.asked().name(), null,
                attempt, email::send);
    }
}
