package fi.city.login.identity.api.verification;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Confirming an email change: the link's token and the account's current password, typed on the page in a
 * live session of that account. The link alone proves the new mailbox, not who reads it.
 */
public record EmailChangeConfirmation(@NotNull @Size(max = 100) String token,
                                      @NotNull @Size(max = 1024) String currentPassword,
                                      @Size(max = 32) String secondFactorCode) {
    @Override
    public String toString() {
        return "EmailChangeConfirmation[]";
    }
}
