package fi.city.login.identity.token;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Verifies the bearer tokens that city systems (the portal among them) present to identity-service's own
 * APIs: signed by our key, issued by us, for us ({@code aud} is the issuer), to a client. A resident's
 * token is for the e-services and is refused here.
 */
@ApplicationScoped
public class AccessTokenVerifier {

    private final JwtConsumer consumer;
    private final JwtConsumer residentConsumer;

    public AccessTokenVerifier(SigningKeys keys, TokenConfig config) {
        // A resident's token is for the e-service that asked for it (aud is its client id): userinfo takes
        // any of ours that names a session, and checks the session.
        this.residentConsumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.verificationKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(config.issuer())
                .setSkipDefaultAudienceValidation()
                .setExpectedType(true, "at+jwt")
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .build();
        this.consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(keys.verificationKeys()))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.issuer())
                .setExpectedType(true, "at+jwt")
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(30)
                .build();
    }

    /** The client the token was issued to and its scopes; empty when the token is not a valid client token of ours. */
    public Optional<Client> verify(String token) {
        try {
            JwtClaims claims = consumer.processToClaims(token);
            String clientId = claims.getClaimValue("client_id", String.class);
            if (clientId == null) {
                return Optional.empty();
            }
            String scope = claims.getClaimValue("scope", String.class);
            return Optional.of(new Client(clientId, scope == null || scope.isBlank() ? List.of() : List.of(scope.split(" "))));
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }

    /** The resident, session, e-service and scopes of a resident's access token; empty when it is not one of ours. */
    public Optional<Resident> verifyResident(String token) {
        if (token == null || token.length() > 8192) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = residentConsumer.processToClaims(token);
            String sessionId = claims.getClaimValue("sid", String.class);
            String clientId = claims.getClaimValue("client_id", String.class);
            String scope = claims.getClaimValue("scope", String.class);
            if (sessionId == null || clientId == null || scope == null) {
                return Optional.empty();
            }
            return Optional.of(new Resident(UUID.fromString(claims.getSubject()), UUID.fromString(sessionId), clientId,
                    List.of(scope.split(" "))));
        } catch (InvalidJwtException | MalformedClaimException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public record Client(String id, List<String> scopes) {
    }

    public record Resident(UUID accountId, UUID sessionId, String clientId, List<String> scopes) {
    }
}
