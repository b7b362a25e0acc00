package fi.city.login.identity.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registered clients, under {@code identity.clients."<client id>"}: city systems that call
 * identity-service's APIs (client credentials) and e-services that log residents in (OpenID Connect), or
 * both. Only a SHA-256 of each secret is configured: secrets are long random strings, so a fast hash is
 * enough, and the configuration holds nothing that logs in.
 */
@ConfigMapping(prefix = "identity.clients")
public interface ClientsConfig {

    @WithParentName
    Map<String, Client> all();

    interface Client {
        /**
         * Hex SHA-256 of the client secret. Absent for a public client (an app that cannot keep a secret),
         * which may only use the authorization code flow, with PKCE like every client.
         */
        Optional<String> secretSha256();

        /**
         * During a switch of secrets, the hex SHA-256 of the new one: both are accepted until the old is
         * removed and this one takes its place, so a client changes its secret without a failed call
         * (docs/operations.md, "Rotating a client secret").
         */
        Optional<String> nextSecretSha256();

        /**
         * What the client may ask for: API scopes such as {@code accounts:read} (client credentials), and for
         * an e-service {@code openid}, {@code profile}, {@code email} (the resident's claims).
         */
        List<String> scopes();

        /** OpenID Connect: the redirect URIs the authorization code may be sent to, compared exactly. */
        Optional<List<String>> redirectUris();

        /** OpenID Connect: where the portal may send the resident after logging out, compared exactly. */
        Optional<List<String>> postLogoutRedirectUris();
    }
}
