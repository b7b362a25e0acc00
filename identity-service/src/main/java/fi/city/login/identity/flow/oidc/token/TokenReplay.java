package fi.city.login.identity.flow.oidc.token;

import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.grant.RefreshTokens;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.UUID;

/**
 * A spent code or refresh token presented again: one of its two presenters is not the e-service, so every
 * refresh token of the family is revoked, the event is audited, and the answer is the same
 * {@code invalid_grant} as for any unusable grant. Runs in the caller's transaction, which must commit.
 */
@ApplicationScoped
class TokenReplay {

    private final RefreshTokens refreshTokens;
    private final AuditTrail audit;

    TokenReplay(RefreshTokens refreshTokens, AuditTrail audit) {
        this.refreshTokens = refreshTokens;
        this.audit = audit;
    }

    /** @param what "authorization code" or "refresh token", for the audit trail */
    Uni<Response> revokeFamily(UUID familyId, UUID accountId, String what, String clientId, String address, Instant now) {
        return refreshTokens.revokeFamily(familyId, now)
                .call(revoked -> audit.record(AuditKind.TOKEN_REPLAYED, accountId, address,
                        what + ", client " + clientId + ", " + revoked + " refresh tokens revoked"))
                .replaceWith(OAuthError.invalidGrant());
    }
}
