package fi.city.login.identity.api.registration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** "Luo uusi käyttäjätunnus": a new account, whose password the emailed link sets. */
public record RegistrationRequest(@NotNull @Size(max = 320) String email,
                                  @NotNull @Size(max = 200) String displayName,
                                  @Size(max = 10) String locale) {
}
