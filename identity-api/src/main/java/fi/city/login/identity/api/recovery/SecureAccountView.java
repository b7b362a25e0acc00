package fi.city.login.identity.api.recovery;

import java.time.Instant;

/** What the page of a new-browser notice's link shows before the resident ends every session. */
public record SecureAccountView(String email, String displayName, String locale, Instant expiresAt) {
}
