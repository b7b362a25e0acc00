package fi.city.login.identity.api.settings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Account settings: a new email address (the new username), with the current password, so that a
 * session left open on a shared computer cannot hand the account to someone else's mailbox.
 */
public record EmailChangeRequest(@NotNull @Size(max = 320) String newEmail,
                                 @NotNull @Size(max = 1024) String currentPassword,
                                 @Size(max = 32) String secondFactorCode) {
    @Override
    public String toString() {
        return "EmailChangeRequest[]";
    }
}
