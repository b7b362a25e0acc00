package fi.city.login.identity.api.recovery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * "Forgot your password?": mail a password link to this address, if it has an account. {@code locale}
 * (optional) is the language of the page, for the notice to an address that has no account.
 */
public record PasswordLinkRequest(@NotNull @Size(max = 320) String email, @Size(max = 10) String locale) {
}
