package fi.city.login.identity.api.settings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Account settings: a new password, with the current one. */
public record ChangePasswordRequest(@NotNull @Size(max = 1024) String currentPassword,
                                    @NotNull @Size(max = 1024) String newPassword,
                                    @NotNull @Size(max = 1024) String newPasswordConfirmation) {
    @Override
    public String toString() {
        return "ChangePasswordRequest[]";
    }
}
