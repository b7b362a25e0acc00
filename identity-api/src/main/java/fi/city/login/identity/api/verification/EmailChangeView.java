package fi.city.login.identity.api.verification;

import java.time.Instant;

/**
 * What the confirmation page shows before the resident confirms: the address that is the username
 * until then and the one that will be, the account's language, and the link's expiry.
 */
public record EmailChangeView(String currentEmail, String newEmail, String locale, Instant expiresAt) {
}
