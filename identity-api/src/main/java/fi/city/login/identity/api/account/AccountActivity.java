package fi.city.login.identity.api.account;

import java.time.Instant;

/**
 * One event of an account's audit trail, for a "recent activity" view: what happened ({@code kind}, such
 * as {@code LOGIN_SUCCEEDED}, {@code LOGIN_FAILED}, {@code LINK_SENT}, {@code PASSWORD_SET},
 * {@code SESSION_ENDED}), when, from which client address when known, and a detail (a link's purpose,
 * "known browser"); never a password, token or hash. {@code traceId} is the W3C trace id of the request
 * that caused it (the caller's, when it sent a {@code traceparent}), to find the request in logs and traces.
 */
public record AccountActivity(String kind, Instant occurredAt, String clientAddress, String detail, String traceId) {
}
