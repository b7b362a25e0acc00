package fi.city.login.identity.api.recovery;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A password link's token, in a body rather than a URL (URLs get logged). */
public record PasswordLinkToken(@NotNull @Size(max = 100) String token) {
    @Override
    public String toString() {
        return "PasswordLinkToken[]";
    }
}
