package fi.city.login.identity.api.login;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A login with a passkey: the browser's answer ({@code PublicKeyCredential.toJSON()}, AuthenticationResponseJSON)
 * to the options of {@code /login/passkey/options}. The rest as in {@link PasswordLoginRequest}.
 */
public record PasskeyLoginRequest(@NotNull @Size(max = 16000) String response,
                                  boolean rememberMe,
                                  @Size(max = 100) String deviceToken,
                                  @Size(max = 300) String browser) {
    @Override
    public String toString() {
        return "PasskeyLoginRequest[]";
    }
}
