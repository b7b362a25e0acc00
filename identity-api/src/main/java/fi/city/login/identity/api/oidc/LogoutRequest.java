package fi.city.login.identity.api.oidc;

import jakarta.validation.constraints.Size;

/** An e-service's logout request (OpenID Connect RP-initiated logout) as the portal received it, unchecked. */
public record LogoutRequest(@Size(max = 8192) String idTokenHint,
                            @Size(max = 200) String clientId,
                            @Size(max = 2000) String postLogoutRedirectUri) {
    @Override
    public String toString() {
        return "LogoutRequest[" + clientId + "]";
    }
}
