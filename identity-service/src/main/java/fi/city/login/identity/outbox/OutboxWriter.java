package fi.city.login.identity.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Adds an event to the outbox inside the caller's transaction; {@code OutboxRelay} publishes it right after
 * the commit ({@link OutboxWakeUp}), or at its next poll.
 */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper json;

    public OutboxWriter(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> add(UUID eventId, String topic, String key, Object event, Instant now) {
        try {
            // NOTIFY is delivered when the transaction commits, and not at all if it rolls back.
            return OutboxEvent.of(eventId, topic, key, json.writeValueAsString(event), now).persist()
                    .flatMap(saved -> Panache.getSession()).flatMap(session -> session
                            .createNativeQuery("select pg_notify('" + OutboxWakeUp.CHANNEL + "', '')").getSingleResult())
                    .replaceWithVoid();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event did not serialise: " + topic, e));
        }
    }
}
