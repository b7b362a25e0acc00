package fi.city.login.identity.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A code of the authenticator app (6 digits) or a recovery code, given in a live session. */
public record SecondFactorCode(@NotNull @Size(max = 32) String code) {
    @Override
    public String toString() {
        return "SecondFactorCode[]";
    }
}
