package fi.city.login.identity.api.oidc;

import jakarta.validation.constraints.Size;

/**
 * An e-service's OpenID Connect authorization request as the portal received it at {@code /oauth2/authorize},
 * unchecked: identity-service validates every parameter. {@code state} stays with the portal, which hands it
 * back to the e-service.
 */
public record AuthorizationRequest(@Size(max = 200) String clientId,
                                   @Size(max = 2000) String redirectUri,
                                   @Size(max = 100) String responseType,
                                   @Size(max = 500) String scope,
                                   @Size(max = 200) String codeChallenge,
                                   @Size(max = 100) String codeChallengeMethod,
                                   @Size(max = 500) String nonce,
                                   @Size(max = 100) String prompt,
                                   @Size(max = 20) String maxAge,
                                   @Size(max = 100) String acrValues) {
}
