package fi.city.login.identity.flow.lookup;

import fi.city.login.identity.account.AccountViews;
import fi.city.login.identity.api.account.AccountActivity;
import fi.city.login.identity.audit.AuditEvent;
import fi.city.login.identity.api.account.AccountView;
import fi.city.login.identity.token.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.UUID;

/**
 * For other city systems (client credentials, scope {@value Scopes#ACCOUNTS_READ}): resolve an account
 * id, an email or a username from the old system to the account, so that records keyed by any of them
 * are found.
 */
@Path("/api/v1/accounts")
@RolesAllowed(Scopes.ACCOUNTS_READ)
public class AccountLookupResource {

    private final AccountLookup lookup;

    public AccountLookupResource(AccountLookup lookup) {
        this.lookup = lookup;
    }

    @GET
    @Path("/{id}")
    public Uni<AccountView> byId(@RestPath UUID id) {
        return lookup.byId(id).map(AccountViews::of);
    }

    /** The account's recent activity from its audit trail, newest first (at most 100 events). */
    @GET
    @Path("/{id}/activity")
    public Uni<List<AccountActivity>> activity(@RestPath UUID id) {
        return lookup.activity(id).map(events -> events.stream().map(AuditEvent::view).toList());
    }

    /** Exactly one of {@code email} and {@code legacyUsername}. */
    @GET
    public Uni<AccountView> find(@RestQuery String email, @RestQuery String legacyUsername) {
        if ((email == null) == (legacyUsername == null)) {
            return Uni.createFrom().failure(new BadRequestException());
        }
        return (email != null ? lookup.byEmail(email) : lookup.byLegacyUsername(legacyUsername)).map(AccountViews::of);
    }
}
