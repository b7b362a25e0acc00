package fi.city.login.identity.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The second-factor step with a passkey of the account instead of a code: the flow the password step left and
 * the browser's answer (AuthenticationResponseJSON) to {@code /login/passkey/options}.
 */
public record SecondFactorPasskeyRequest(@NotNull @Size(max = 100) String flowToken,
                                         @NotNull @Size(max = 16000) String response,
                                         @Size(max = 100) String deviceToken,
                                         @Size(max = 300) String browser) {
    @Override
    public String toString() {
        return "SecondFactorPasskeyRequest[]";
    }
}
