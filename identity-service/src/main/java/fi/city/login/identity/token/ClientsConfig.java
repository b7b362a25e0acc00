package fi.city.login.identity.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

import java.util.List;
import java.util.Map;

/**
 * Other city systems that call identity-service's APIs with the OAuth 2.0 client credentials grant,
 * under {@code identity.clients."<client id>"}. Only a SHA-256 of each secret is configured: secrets are
 * long random strings, so a fast hash is enough, and the configuration holds nothing that logs in.
 */
@ConfigMapping(prefix = "identity.clients")
public interface ClientsConfig {

    @WithParentName
    Map<String, Client> all();

    interface Client {
        /** Hex SHA-256 of the client secret. */
        String secretSha256();

        /** What the client may do, e.g. {@code accounts:read}. */
        List<String> scopes();
    }
}
