package fi.city.login.identity.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The identifier step: the email address the resident typed. */
public record IdentifierRequest(@NotNull @Size(max = 320) String email) {
}
