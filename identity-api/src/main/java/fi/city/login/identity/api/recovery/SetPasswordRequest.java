package fi.city.login.identity.api.recovery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sets the password with a password link, which it spends. */
public record SetPasswordRequest(@NotNull @Size(max = 100) String token,
                                 @NotNull @Size(max = 1024) String password,
                                 @NotNull @Size(max = 1024) String passwordConfirmation) {
    @Override
    public String toString() {
        return "SetPasswordRequest[]";
    }
}
