package fi.city.login.identity.rest;

import fi.city.login.identity.domain.Account;
import fi.city.login.identity.service.AccountDirectory;
import fi.city.login.identity.token.AccessTokenVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.UUID;

/**
 * For other city systems (client credentials, scope {@value #SCOPE}): resolve an account id, an email or
 * a username from the old system to the account, so that records keyed by any of them are found.
 */
@Path("/api/v1/accounts")
public class AccountLookupResource {

    public static final String SCOPE = "accounts:read";

    private final AccountDirectory directory;
    private final AccessTokenVerifier verifier;

    public AccountLookupResource(AccountDirectory directory, AccessTokenVerifier verifier) {
        this.directory = directory;
        this.verifier = verifier;
    }

    @GET
    @Path("/{id}")
    public Uni<AccountView> byId(@RestPath UUID id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authorized(authorization).flatMap(ok -> directory.byId(id)).map(AccountView::of);
    }

    /** Exactly one of {@code email} and {@code legacyUsername}. */
    @GET
    public Uni<AccountView> find(@RestQuery String email, @RestQuery String legacyUsername,
                                 @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return authorized(authorization).flatMap(ok -> {
            if ((email == null) == (legacyUsername == null)) {
                return Uni.createFrom().<Account>failure(new jakarta.ws.rs.BadRequestException());
            }
            return email != null ? directory.byEmail(email) : directory.byLegacyUsername(legacyUsername);
        }).map(AccountView::of);
    }

    private Uni<Void> authorized(String authorization) {
        return Uni.createFrom().item(() -> {
            verifier.require(authorization, SCOPE);
            return null;
        });
    }
}
