package fi.city.login.identity.api.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An email change's link token (its confirmation or its cancellation), in a body rather than a URL (URLs get logged). */
public record EmailChangeToken(@NotNull @Size(max = 100) String token) {
    @Override
    public String toString() {
        return "EmailChangeToken[]";
    }
}
