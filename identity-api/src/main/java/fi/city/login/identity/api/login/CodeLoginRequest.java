package fi.city.login.identity.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The password step with a login code: while the account is paused for unknown browsers, a new browser
 * gets in with the code mailed to the address and the password. The rest as in {@link PasswordLoginRequest}.
 */
public record CodeLoginRequest(@NotNull @Size(max = 320) String email,
                               @NotNull @Size(max = 32) String code,
                               @NotNull @Size(max = 1024) String password,
                               boolean rememberMe,
                               @Size(max = 100) String deviceToken,
                               @Size(max = 300) String browser) {
    @Override
    public String toString() {
        return "CodeLoginRequest[email=" + email + "]";
    }
}
