package fi.city.login.identity.api.settings;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Account settings: a new password, with the current one and, when the account has one, a code of the second factor. */
public record ChangePasswordRequest(@NotNull @Size(max = 1024) String currentPassword,
                                    @NotNull @Size(max = 1024) String newPassword,
                                    @NotNull @Size(max = 1024) String newPasswordConfirmation,
                                    @Size(max = 32) String secondFactorCode) {
    @Override
    public String toString() {
        return "ChangePasswordRequest[]";
    }
}
