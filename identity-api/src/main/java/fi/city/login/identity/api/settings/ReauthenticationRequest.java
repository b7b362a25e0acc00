package fi.city.login.identity.api.settings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A change to the account's factors, with the current password, and a code of the second factor when the
 * account has one (an authenticator app's or a recovery code).
 */
public record ReauthenticationRequest(@NotNull @Size(max = 1024) String currentPassword,
                                      @Size(max = 32) String secondFactorCode) {
    @Override
    public String toString() {
        return "ReauthenticationRequest[]";
    }
}
