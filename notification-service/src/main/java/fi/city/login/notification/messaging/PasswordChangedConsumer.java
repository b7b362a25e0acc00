package fi.city.login.notification.messaging;

import fi.city.login.events.PasswordChanged;
import fi.city.login.notification.email.PasswordChangedEmail;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Tells the owner of an account, once per event, that its password was changed. */
@ApplicationScoped
public class PasswordChangedConsumer implements EmailEventHandler {

    private final EmailOnce emailOnce;
    private final PasswordChangedEmail email;

    public PasswordChangedConsumer(EmailOnce emailOnce, PasswordChangedEmail email) {
        this.emailOnce = emailOnce;
        this.email = email;
    }

    @Incoming(PasswordChanged.TOPIC)
    public Uni<Void> onEvent(ConsumerRecord<String, String> record) {
        return handle(EmailOnce.Received.from(record), EmailOnce.Attempt.WITH_RETRIES);
    }

    @Override
    public String topic() {
        return PasswordChanged.TOPIC;
    }

    @Override
    public Uni<Void> handle(EmailOnce.Received received, EmailOnce.Attempt attempt) {
        PasswordChanged event = emailOnce.read(received.payload(), PasswordChanged.class,
                e -> e.version() == PasswordChanged.VERSION && e.accountId() != null && e.changedAt() != null);
        return emailOnce.deliver(received, event, "PASSWORD_CHANGED", null, attempt,
                email::send);
    }
}
