package fi.city.login.identity.token;

import jakarta.enterprise.context.ApplicationScoped;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/** Finds registered clients and checks a confidential client's secret. */
@ApplicationScoped
public class RegisteredClients {

    private static final byte[] NO_SECRET = new byte[32];

    private final ClientsConfig clients;

    public RegisteredClients(ClientsConfig clients) {
        this.clients = clients;
    }

    public Optional<RegisteredClient> find(String clientId) {
        if (clientId == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(clients.all().get(clientId)).map(config -> new RegisteredClient(clientId, config));
    }

    /**
     * The confidential client if the id and secret are right; compares in constant time, known id or not.
     * A public client has no secret, so no secret authenticates it.
     */
    public Optional<RegisteredClient> authenticate(String clientId, String secret) {
        if (clientId == null || secret == null) {
            return Optional.empty();
        }
        Optional<RegisteredClient> client = find(clientId).filter(found -> !found.isPublic());
        byte[] given = OpaqueTokens.hash(secret);
        byte[] current = client.map(found -> HexFormat.of().parseHex(found.config().secretSha256().orElseThrow().strip()))
                .orElse(NO_SECRET);
        byte[] next = client.flatMap(found -> found.config().nextSecretSha256())
                .map(hex -> HexFormat.of().parseHex(hex.strip())).orElse(NO_SECRET);
        // Both compared, whichever matches: the time taken says nothing of which, or whether a switch is on.
        boolean currentMatches = MessageDigest.isEqual(given, current);
        boolean nextMatches = MessageDigest.isEqual(given, next);
        return currentMatches || nextMatches ? client : Optional.empty();
    }
}
