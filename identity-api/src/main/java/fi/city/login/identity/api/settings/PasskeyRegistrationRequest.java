package fi.city.login.identity.api.settings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new passkey: the name the resident gave it, and the browser's answer (RegistrationResponseJSON) to the options. */
public record PasskeyRegistrationRequest(@NotBlank @Size(max = 100) String name,
                                         @NotNull @Size(max = 16000) String response) {
    @Override
    public String toString() {
        return "PasskeyRegistrationRequest[" + name + "]";
    }
}
