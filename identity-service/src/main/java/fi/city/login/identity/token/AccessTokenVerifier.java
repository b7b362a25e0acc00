package fi.city.login.identity.token;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

import java.util.List;
import java.util.Optional;

/** Verifies the bearer tokens that city systems present to identity-service's own APIs. */
@ApplicationScoped
public class AccessTokenVerifier {

    private final JwtConsumer consumer;

    public AccessTokenVerifier(SigningKeys keys, TokenConfig config) {
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKey(keys.publicKey())
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(config.issuer())
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .build();
    }

    /** Fails with 401 without a valid token of ours, with 403 when the token lacks the scope. */
    public void require(String authorization, String scope) {
        List<String> granted = scopes(authorization)
                .orElseThrow(() -> new Refusal(ProblemType.UNAUTHORIZED));
        if (!granted.contains(scope)) {
            throw new Refusal(ProblemType.INSUFFICIENT_SCOPE);
        }
    }

    /** The token's scopes if it is a valid client token of ours; empty when it is missing or invalid. */
    public Optional<List<String>> scopes(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(authorization.substring(7).strip());
            String scope = claims.getClaimValue("scope", String.class);
            return Optional.of(scope == null ? List.of() : List.of(scope.split(" ")));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
