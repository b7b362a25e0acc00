package fi.city.login.identity.api.settings;

import java.time.Instant;
import java.util.UUID;

/** One of the account's passkeys as its settings list them. {@code synced}: it may be on the resident's other devices. */
public record PasskeyView(UUID id, String name, Instant createdAt, Instant lastUsedAt, boolean synced) {
}
