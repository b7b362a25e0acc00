package fi.city.login.identity.token;

import fi.city.login.identity.account.Account;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
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

    /** A resident's token, for the city's e-services ({@code aud}: {@code identity.token.resident-audience}). */
    public AccessToken issue(Account account) {
        return sign(account.id.toString(), config.residentAudience(), claims -> claims
                .claim("email", account.email)
                .claim("name", account.displayName)
                .claim("locale", account.locale)
                .claim("legacy_usernames", account.legacyUsernameList()));
    }

    /**
     * A resident's token for an e-service that logged them in (OpenID Connect): {@code aud} and
     * {@code client_id} are the e-service, {@code sid} the portal session it ends with (userinfo checks it).
     */
    public AccessToken issueForResidentAt(Account account, String clientId, List<String> scopes, UUID sessionId) {
        return sign(account.id.toString(), clientId, claims -> claims
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes))
                .claim("sid", sessionId.toString()));
    }

    /**
     * A token for a city system (client credentials) to call identity-service's own APIs: {@code sub} and
     * {@code client_id} are the client id, {@code aud} is identity-service, with the client's scopes.
     */
    public AccessToken issueForClient(String clientId, List<String> scopes) {
        return sign(clientId, config.issuer(), claims -> claims
                .claim("client_id", clientId)
                .claim("scope", String.join(" ", scopes)));
    }

    /** RFC 9068's shape: {@code typ: at+jwt}, with the audience that says where the token may be used. */
    private AccessToken sign(String subject, String audience, UnaryOperator<JwtClaimsBuilder> claims) {
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.accessTokenLifetime());
        String jwt = claims.apply(Jwt.issuer(config.issuer()).subject(subject).audience(audience).issuedAt(now)
                        .expiresAt(expiresAt).claim("jti", UUID.randomUUID().toString()))
                .jws().keyId(keys.keyId()).algorithm(SignatureAlgorithm.RS256).header("typ", "at+jwt")
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
