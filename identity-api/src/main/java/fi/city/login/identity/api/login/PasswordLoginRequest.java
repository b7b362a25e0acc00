package fi.city.login.identity.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The password step. {@code rememberMe} makes the session persistent. */
public record PasswordLoginRequest(@NotNull @Size(max = 320) String email,
                                   @NotNull @Size(max = 1024) String password,
                                   boolean rememberMe) {
    @Override
    public String toString() {
        return "PasswordLoginRequest[email=" + email + "]";
    }
}
