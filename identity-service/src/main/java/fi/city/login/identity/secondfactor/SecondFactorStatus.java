package fi.city.login.identity.secondfactor;

import java.time.Instant;

/** What the account's settings show of its second factor. */
public record SecondFactorStatus(boolean enrolled, Instant enrolledAt, Instant lastUsedAt, int recoveryCodesLeft) {

    static final SecondFactorStatus NONE = new SecondFactorStatus(false, null, null, 0);
}
