package fi.city.login.identity.passkey;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.exception.DataConversionException;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.VerificationException;
import fi.city.login.identity.account.Account;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.grant.OidcConfig;
import fi.city.login.identity.passkey.WebAuthnChallenge.Ceremony;
import fi.city.login.identity.problem.Refusal;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.net.URI;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Passkeys (WebAuthn Level 3) verified by webauthn4j: discoverable credentials with user verification
 * required, attestation "none". Each ceremony's challenge is a row spent by one conditional update in the
 * transaction that writes its outcome, so of parallel answers to one challenge exactly one counts; the
 * signature counter only rises (the spec's clone warning), and the backup flags are kept as the
 * authenticator reports them. Runs in the caller's transaction.
 */
@ApplicationScoped
public class Passkeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** ES256 first (every platform authenticator), then EdDSA and RS256 (Windows Hello). */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.EdDSA),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private final PasskeyConfig config;
    private final ObjectMapper json;
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final AttestedCredentialDataConverter credentialData = new AttestedCredentialDataConverter(new ObjectConverter());
    private final Origin origin;
    private final String rpId;

    public Passkeys(PasskeyConfig config, OidcConfig oidc, ObjectMapper json) {
        this.config = config;
        this.json = json;
        URI portal = URI.create(oidc.portalUrl());
        this.origin = new Origin(portal.getScheme() + "://" + portal.getAuthority());
        this.rpId = config.rpId().orElse(portal.getHost());
    }

    /** A verified login: whose passkey it was, and whether it may be synced (a software key) or is bound to a device. */
    public record Verified(Passkey passkey, AuthenticationData response) {
        public boolean synced() {
            return passkey.backupEligible;
        }
    }

    /** PublicKeyCredentialCreationOptionsJSON for the account, with its passkeys excluded (no second of one authenticator). */
    public Uni<String> registrationOptions(Account account, Instant now) {
        return newChallenge(Ceremony.REGISTRATION, account.id, now).flatMap(challenge -> Passkey.<Passkey>list("accountId", account.id)
                .map(existing -> {
                    Map<String, Object> options = new LinkedHashMap<>();
                    options.put("challenge", BASE64URL.encodeToString(challenge));
                    options.put("rp", Map.of("id", rpId, "name", config.rpName()));
                    options.put("user", Map.of("id", BASE64URL.encodeToString(userHandle(account.id)), "name", account.email,
                            "displayName", account.displayName));
                    options.put("pubKeyCredParams", ALGORITHMS.stream()
                            .map(p -> Map.of("type", "public-key", "alg", p.getAlg().getValue())).toList());
                    options.put("timeout", config.challengeLifetime().toMillis());
                    options.put("excludeCredentials", existing.stream().map(Passkeys::descriptor).toList());
                    options.put("authenticatorSelection", Map.of("residentKey", "required", "requireResidentKey", true,
                            "userVerification", "required"));
                    options.put("attestation", "none");
                    options.put("hints", List.of("client-device"));
                    return write(options);
                }));
    }

    /** PublicKeyCredentialRequestOptionsJSON for a login: no allow list, the passkey names its account. */
    public Uni<String> authenticationOptions(Instant now) {
        return newChallenge(Ceremony.AUTHENTICATION, null, now).map(challenge -> {
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("challenge", BASE64URL.encodeToString(challenge));
            options.put("rpId", rpId);
            options.put("timeout", config.challengeLifetime().toMillis());
            options.put("userVerification", "required");
            options.put("allowCredentials", List.of());
            return write(options);
        });
    }

    /**
     * Verifies the browser's answer to a registration (RegistrationResponseJSON) and keeps the passkey: its
     * challenge must be one of the account's, unspent; at most {@code identity.passkey.max-per-account}
     * passkeys, counted under the account's row lock.
     */
    public Uni<Passkey> register(Account account, String responseJson, String name, Instant now) {
        RegistrationData response;
        try {
            response = webAuthn.parseRegistrationResponseJSON(responseJson);
            webAuthn.verify(response, new RegistrationParameters(serverProperty(response.getCollectedClientData().getChallenge().getValue()),
                    ALGORITHMS, true, true));
        } catch (DataConversionException | VerificationException | IllegalArgumentException | NullPointerException refused) {
            return Refusal.as(ProblemType.PASSKEY_INVALID);
        }
        AuthenticatorData<?> authenticator = response.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData credential = authenticator.getAttestedCredentialData();
        return Account.<Account>find("id", account.id).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .flatMap(locked -> spend(response.getCollectedClientData().getChallenge().getValue(), Ceremony.REGISTRATION,
                        account.id, now))
                .flatMap(spent -> Passkey.count("accountId", account.id))
                .flatMap(count -> count >= config.maxPerAccount() ? Refusal.as(ProblemType.PASSKEY_LIMIT)
                        : Passkey.count("credentialId", (Object) credential.getCredentialId()))
                .flatMap(taken -> {
                    if (taken > 0) {
                        return Refusal.as(ProblemType.PASSKEY_INVALID);
                    }
                    Passkey passkey = new Passkey();
                    passkey.id = UUID.randomUUID();
                    passkey.accountId = account.id;
                    passkey.credentialId = credential.getCredentialId();
                    passkey.attestedCredentialData = credentialData.convert(credential);
                    passkey.signCount = authenticator.getSignCount();
                    passkey.uvInitialized = authenticator.isFlagUV();
                    passkey.backupEligible = authenticator.isFlagBE();
                    passkey.backupState = authenticator.isFlagBS();
                    passkey.transports = response.getTransports() == null ? null : response.getTransports().stream()
                            .map(AuthenticatorTransport::getValue).collect(Collectors.joining(","));
                    passkey.name = name;
                    passkey.createdAt = now;
                    return passkey.<Passkey>persist();
                });
    }

    /**
     * Verifies a login's answer (AuthenticationResponseJSON): a passkey we know, user verification done, the
     * signature over this unspent challenge, a counter that rose. Spends the challenge and records the use.
     */
    public Uni<Verified> authenticate(String responseJson, Instant now) {
        AuthenticationData response;
        try {
            response = webAuthn.parseAuthenticationResponseJSON(responseJson);
        } catch (DataConversionException | IllegalArgumentException | NullPointerException refused) {
            return Refusal.as(ProblemType.PASSKEY_INVALID);
        }
        return Passkey.<Passkey>find("credentialId", (Object) response.getCredentialId()).firstResult().flatMap(passkey -> {
            if (passkey == null) {
                return Refusal.as(ProblemType.PASSKEY_UNKNOWN);
            }
            try {
                CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), passkey.uvInitialized,
                        passkey.backupEligible, passkey.backupState, passkey.signCount,
                        credentialData.convert(passkey.attestedCredentialData), null, null, null, null);
                webAuthn.verify(response, new AuthenticationParameters(
                        serverProperty(response.getCollectedClientData().getChallenge().getValue()), record, null, true, true));
            } catch (VerificationException | IllegalArgumentException | NullPointerException refused) {
                return Refusal.as(ProblemType.PASSKEY_INVALID);
            }
            if (response.getUserHandle() != null && !ByteBuffer.wrap(response.getUserHandle()).equals(ByteBuffer.wrap(userHandle(passkey.accountId)))) {
                return Refusal.as(ProblemType.PASSKEY_INVALID);
            }
            long count = response.getAuthenticatorData().getSignCount();
            boolean synced = response.getAuthenticatorData().isFlagBS();
            return spend(response.getCollectedClientData().getChallenge().getValue(), Ceremony.AUTHENTICATION, null, now)
                    .flatMap(spent -> Passkey.update("signCount = ?1, backupState = ?2, lastUsedAt = ?3 where id = ?4 "
                            + "and (signCount < ?1 or (?1 = 0 and signCount = 0))", count, synced, now, passkey.id))
                    .flatMap(updated -> updated == 1 ? Uni.createFrom().item(new Verified(passkey, response))
                            : Refusal.as(ProblemType.PASSKEY_INVALID));
        });
    }

    public Uni<List<Passkey>> of(UUID accountId) {
        return Passkey.list("accountId = ?1 order by createdAt", accountId);
    }

    /** Removes one of the account's passkeys; refused when it has none by that id. */
    public Uni<Void> remove(UUID accountId, UUID passkeyId) {
        return Passkey.delete("id = ?1 and accountId = ?2", passkeyId, accountId)
                .flatMap(removed -> removed == 1 ? Uni.createFrom().voidItem() : Refusal.as(ProblemType.PASSKEY_NOT_FOUND));
    }

    private Uni<byte[]> newChallenge(Ceremony ceremony, UUID accountId, Instant now) {
        byte[] value = new byte[32];
        RANDOM.nextBytes(value);
        WebAuthnChallenge challenge = new WebAuthnChallenge();
        challenge.id = UUID.randomUUID();
        challenge.challenge = value;
        challenge.ceremony = ceremony;
        challenge.accountId = accountId;
        challenge.createdAt = now;
        challenge.expiresAt = now.plus(config.challengeLifetime());
        return challenge.persist().replaceWith(value);
    }

    /** One conditional update: of parallel answers to one challenge, one spends it, the others are refused. */
    private Uni<Void> spend(byte[] challenge, Ceremony ceremony, UUID accountId, Instant now) {
        return WebAuthnChallenge.update("usedAt = ?1 where challenge = ?2 and ceremony = ?3 and usedAt is null and expiresAt > ?1 "
                                + (accountId == null ? "and accountId is null" : "and accountId = ?4"),
                        accountId == null ? new Object[] {now, challenge, ceremony} : new Object[] {now, challenge, ceremony, accountId})
                .flatMap(spent -> spent == 1 ? Uni.createFrom().voidItem() : Refusal.as(ProblemType.PASSKEY_CHALLENGE_INVALID));
    }

    private ServerProperty serverProperty(byte[] challenge) {
        return new ServerProperty(origin, rpId, new DefaultChallenge(challenge));
    }

    /** The WebAuthn user handle: the account's UUID as 16 bytes, nothing personal. */
    private static byte[] userHandle(UUID accountId) {
        return ByteBuffer.allocate(16).putLong(accountId.getMostSignificantBits()).putLong(accountId.getLeastSignificantBits()).array();
    }

    private static Map<String, Object> descriptor(Passkey passkey) {
        Map<String, Object> descriptor = new LinkedHashMap<>();
        descriptor.put("type", "public-key");
        descriptor.put("id", BASE64URL.encodeToString(passkey.credentialId));
        if (passkey.transports != null && !passkey.transports.isBlank()) {
            descriptor.put("transports", List.of(passkey.transports.split(",")));
        }
        return descriptor;
    }

    private String write(Map<String, Object> options) {
        try {
            return json.writeValueAsString(options);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("options are maps of strings and numbers", e);
        }
    }
}
