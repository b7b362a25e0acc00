package fi.city.login.identity.api.recovery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * "Forgot your username or password?": mail a password link to this address, or to the address of the
 * account that had this username in the old system, if there is one. {@code locale} (optional) is the
 * language of the page, for the notice to an address that has no account.
 */
public record PasswordLinkRequest(@NotNull @Size(max = 320) String email, @Size(max = 10) String locale) {
}
