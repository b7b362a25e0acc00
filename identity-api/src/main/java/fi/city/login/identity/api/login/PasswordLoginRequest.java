package fi.city.login.identity.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The password step. {@code rememberMe} makes the session persistent. {@code deviceToken} is the browser's
 * device cookie, if it has one: a browser that logged in to the account before is not paused by a
 * stranger's guesses. {@code browser} is the browser's User-Agent as the portal saw it (cut to 300
 * characters), kept with the session for the resident's list of where they are logged in.
 */
public record PasswordLoginRequest(@NotNull @Size(max = 320) String email,
                                   @NotNull @Size(max = 1024) String password,
                                   boolean rememberMe,
                                   @Size(max = 100) String deviceToken,
                                   @Size(max = 300) String browser) {
    @Override
    public String toString() {
        return "PasswordLoginRequest[email=" + email + "]";
    }
}
