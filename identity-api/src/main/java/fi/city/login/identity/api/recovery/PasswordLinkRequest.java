package fi.city.login.identity.api.recovery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** "Forgot your password?": mail a password link to this address, if it has an account. */
public record PasswordLinkRequest(@NotNull @Size(max = 320) String email) {
}
