package fi.city.login.identity.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

/**
 * Adds an event to the outbox inside the caller's transaction; {@code OutboxRelay} publishes it right after
 * the commit (the table's trigger notifies {@link OutboxWakeUp}), or at its next poll.
 */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper json;

    public OutboxWriter(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> add(UUID eventId, String topic, String key, Object event, Instant now) {
        try {
            return OutboxEvent.of(eventId, topic, key, json.writeValueAsString(event), now).persist().replaceWithVoid();
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("event did not serialise: " + topic, e));
        }
    }
}
