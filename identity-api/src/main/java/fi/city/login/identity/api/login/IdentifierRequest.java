package fi.city.login.identity.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The identifier step: what the resident typed as their username, which is their email address, or the
 * username they had in the old system (recognised, and answered with the address it became); and the
 * language of the page (fi, sv or en; optional) for an email to the address: its first-password link, or
 * the notice that it has no account.
 */
public record IdentifierRequest(@NotNull @Size(max = 320) String email, @Size(max = 10) String locale) {
}
