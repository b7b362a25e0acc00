package fi.city.login.identity.token;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A registered client as {@link ClientsConfig} describes it, with what it may do. */
public record RegisteredClient(String id, ClientsConfig.Client config) {

    /** No secret: the authorization code flow only, proven by PKCE alone. */
    public boolean isPublic() {
        return config.secretSha256().isEmpty();
    }

    /**
     * The API scopes of a client credentials token: those asked for if the client may have them all (none
     * asked means all it has); empty when it asked for one it may not have. A resident's scopes are never
     * granted to a client on its own behalf.
     */
    public Optional<List<String>> apiScopes(String requested) {
        List<String> own = config.scopes().stream().filter(Scopes.API::contains).toList();
        List<String> asked = requested == null || requested.isBlank() ? own : List.of(requested.strip().split("\\s+"));
        return own.containsAll(asked) ? Optional.of(asked) : Optional.empty();
    }

    /**
     * The scopes of a resident's tokens: {@code openid} is required, and each scope asked for must be one of
     * the resident scopes the client may have (OpenID Connect lets the provider leave out unknown scopes,
     * but a client asking for more than it was registered for is a mistake worth an error).
     */
    public Optional<List<String>> residentScopes(String requested) {
        if (requested == null) {
            return Optional.empty();
        }
        Set<String> asked = new LinkedHashSet<>(List.of(requested.strip().split("\\s+")));
        boolean allowed = asked.contains(Scopes.OPENID) && asked.stream()
                .allMatch(scope -> Scopes.RESIDENT.contains(scope) && config.scopes().contains(scope));
        return allowed ? Optional.of(List.copyOf(asked)) : Optional.empty();
    }

    /** Exact string comparison (RFC 9700 §4.1.3): no prefixes, no wildcards, no normalisation. */
    public boolean allowsRedirect(String redirectUri) {
        return redirectUri != null && config.redirectUris().orElse(List.of()).contains(redirectUri);
    }

    public boolean allowsPostLogoutRedirect(String uri) {
        return uri != null && config.postLogoutRedirectUris().orElse(List.of()).contains(uri);
    }
}
