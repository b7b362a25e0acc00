package fi.city.login.identity.token;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Checks a city system's client id and secret and grants the scopes it asked for, if it may have them. */
@ApplicationScoped
public class ClientCredentials {

    private final ClientsConfig clients;

    public ClientCredentials(ClientsConfig clients) {
        this.clients = clients;
    }

    /** The client if the id and secret are right; compares in constant time, known id or not. */
    public Optional<ClientsConfig.Client> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null) {
            return Optional.empty();
        }
        ClientsConfig.Client client = clients.all().get(clientId);
        byte[] expected = client == null ? new byte[32] : HexFormat.of().parseHex(client.secretSha256().strip());
        boolean secretMatches = MessageDigest.isEqual(OpaqueTokens.hash(secret), expected);
        return client != null && secretMatches ? Optional.of(client) : Optional.empty();
    }

    /** The scopes to grant: those asked for if the client may have them all, else empty; none asked means all. */
    public Optional<List<String>> grant(ClientsConfig.Client client, String requestedScope) {
        List<String> requested = requestedScope == null || requestedScope.isBlank() ? client.scopes()
                : List.of(requestedScope.strip().split("\\s+"));
        return client.scopes().containsAll(requested) ? Optional.of(requested) : Optional.empty();
    }
}
