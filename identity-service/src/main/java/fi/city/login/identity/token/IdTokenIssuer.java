package fi.city.login.identity.token;

import fi.city.login.identity.account.Account;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Signs ID tokens (OpenID Connect Core §2): who logged in, when, at which e-service, for which request. */
@ApplicationScoped
public class IdTokenIssuer {

    private final SigningKeys keys;
    private final TokenConfig config;

    public IdTokenIssuer(SigningKeys keys, TokenConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /**
     * @param nonce    the authorization request's nonce, echoed so the e-service can tell its own login
     *                 from a replayed one; null on a refresh (Core §12.2)
     * @param authTime when the resident entered their password
     * @param amr      how the resident proved who they are in the session (RFC 8176 values); acr follows from it
     */
    public String issue(Account account, String clientId, List<String> scopes, String nonce, Instant authTime,
                        UUID sessionId, List<String> amr, String acr) {
        Instant now = Instant.now();
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer()).audience(clientId).issuedAt(now)
                .expiresAt(now.plus(config.accessTokenLifetime()))
                .claim("azp", clientId)
                .claim("auth_time", authTime.getEpochSecond())
                .claim("sid", sessionId.toString())
                .claim("amr", amr)
                .claim("acr", acr);
        ResidentClaims.of(account, scopes).forEach(claims::claim);
        if (nonce != null) {
            claims.claim("nonce", nonce);
        }
        return claims.jws().keyId(keys.keyId()).algorithm(SignatureAlgorithm.RS256).header("typ", "JWT")
                .sign(keys.privateKey());
    }
}
