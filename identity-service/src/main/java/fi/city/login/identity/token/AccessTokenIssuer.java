package fi.city.login.identity.token;

import fi.city.login.identity.account.Account;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Signs short-lived access tokens (RS256, with a key id). {@code sub} is the account's stable id;
 * {@code legacy_usernames} lets systems that keyed records by the old username keep finding them.
 */
@ApplicationScoped
public class AccessTokenIssuer {

    private final SigningKeys keys;
    private final TokenConfig config;

    public AccessTokenIssuer(SigningKeys keys, TokenConfig config) {
        this.keys = keys;
        this.config = config;
    }

    public AccessToken issue(Account account) {
        return sign(account.id.toString(), claims -> claims
                .claim("email", account.email)
                .claim("name", account.displayName)
                .claim("locale", account.locale)
                .claim("legacy_usernames", account.legacyUsernameList()));
    }

    /** A token for a city system (client credentials): {@code sub} is the client id, with its scopes. */
    public AccessToken issueForClient(String clientId, List<String> scopes) {
        return sign(clientId, claims -> claims
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes)));
    }

    private AccessToken sign(String subject, UnaryOperator<JwtClaimsBuilder> claims) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.accessTokenLifetime());
        String jwt = claims.apply(Jwt.issuer(config.issuer()).subject(subject).issuedAt(now).expiresAt(expiresAt))
                .jws().keyId(keys.keyId()).algorithm(SignatureAlgorithm.RS256)
                .sign(keys.privateKey());
        return new AccessToken(jwt, expiresAt);
    }

    public record AccessToken(String jwt, Instant expiresAt) {
        @Override
        public String toString() {
            return "AccessToken[expiresAt=" + expiresAt + "]";
        }
    }
}
