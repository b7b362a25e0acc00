package fi.city.login.identity.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The second-factor step: the flow the password step left (its token from the portal's cookie) and a code
 * of the authenticator app (6 digits) or a recovery code. The rest as in {@link PasswordLoginRequest}.
 */
public record SecondFactorLoginRequest(@NotNull @Size(max = 100) String flowToken,
                                       @NotNull @Size(max = 32) String code,
                                       @Size(max = 100) String deviceToken,
                                       @Size(max = 300) String browser) {
    @Override
    public String toString() {
        return "SecondFactorLoginRequest[]";
    }
}
