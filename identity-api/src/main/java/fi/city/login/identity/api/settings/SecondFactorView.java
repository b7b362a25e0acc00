package fi.city.login.identity.api.settings;

import java.time.Instant;

/** The account's second factor as its settings show it: an authenticator app, and how many recovery codes are left. */
public record SecondFactorView(boolean enrolled, Instant enrolledAt, Instant lastUsedAt, int recoveryCodesLeft) {
}
