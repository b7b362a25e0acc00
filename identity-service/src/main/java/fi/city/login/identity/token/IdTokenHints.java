package fi.city.login.identity.token;

import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;

import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code id_token_hint} of a logout request (RP-initiated logout §2): an ID token we signed,
 * expired or not (an e-service logs out long after the login), which names the e-service that asks.
 */
@ApplicationScoped
public class IdTokenHints {

    private final JwtConsumer consumer;
    private final String issuer;

    public IdTokenHints(SigningKeys keys, TokenConfig config) {
        this.issuer = config.issuer();
        // Only the signature is checked by the consumer; the issuer and the kind of token are checked below.
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.verificationKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setSkipAllDefaultValidators()
                .build();
    }

    /**
     * The e-service (the token's audience) the hint was issued to and the session it was issued in; empty
     * when it is not an ID token of ours.
     */
    public Optional<Hint> read(String idTokenHint) {
        if (idTokenHint == null || idTokenHint.isBlank() || idTokenHint.length() > 8192) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(idTokenHint);
            List<String> audience = claims.getAudience();
            boolean idToken = issuer.equals(claims.getIssuer()) && claims.hasClaim("sid") && claims.hasClaim("azp")
                    && audience.size() == 1;
            return idToken ? Optional.of(new Hint(audience.get(0), claims.getStringClaimValue("sid"))) : Optional.empty();
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    /** @param sessionId the {@code sid} claim: the portal session the ID token was issued in */
    public record Hint(String clientId, String sessionId) {
    }
}
