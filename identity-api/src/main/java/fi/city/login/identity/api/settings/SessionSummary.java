package fi.city.login.identity.api.settings;

import java.time.Instant;
import java.util.UUID;

/**
 * One of the resident's live sessions, for "where am I logged in?": never its token.
 *
 * @param current the session the request came with
 * @param browser the browser's User-Agent at login, as the portal saw it (may be null)
 */
public record SessionSummary(UUID id, boolean current, Instant startedAt, Instant lastUsedAt, boolean persistent,
                             String browser, String clientAddress) {
}
