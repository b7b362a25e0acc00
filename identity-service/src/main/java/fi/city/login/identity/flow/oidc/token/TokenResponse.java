package fi.city.login.identity.flow.oidc.token;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The token endpoint's answer (RFC 6749 §5.1, OpenID Connect Core §3.1.3.3); no refresh or ID token for a client's own token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(@JsonProperty("access_token") String accessToken,
                            @JsonProperty("token_type") String tokenType,
                            @JsonProperty("expires_in") long expiresIn,
                            String scope,
                            @JsonProperty("refresh_token") String refreshToken,
                            @JsonProperty("id_token") String idToken) {
    @Override
    public String toString() {
        return "TokenResponse[" + scope + "]";
    }
}
