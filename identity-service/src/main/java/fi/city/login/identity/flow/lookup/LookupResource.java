package fi.city.login.identity.flow.lookup;

import fi.city.login.identity.account.AccountViews;
import fi.city.login.identity.api.account.AccountActivity;
import fi.city.login.identity.audit.AuditEvent;
import fi.city.login.identity.api.account.AccountView;
import fi.city.login.identity.token.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
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
 * are found. Every lookup is audited with the client that asked.
 */
@Path("/api/v1/accounts")
@RolesAllowed(Scopes.ACCOUNTS_READ)
public class LookupResource {

    private final AccountLookup lookup;
    private final SecurityIdentity caller;

    public LookupResource(AccountLookup lookup, SecurityIdentity caller) {
        this.lookup = lookup;
        this.caller = caller;
    }

    @GET
    @Path("/{id}")
    public Uni<AccountView> byId(@RestPath UUID id) {
        return lookup.byId(id, client()).map(AccountViews::of);
    }

    /**
     * The account's recent activity from its audit trail, newest first (at most 100 events): addresses and
     * failed logins, so a scope of its own ({@value Scopes#ACCOUNTS_ACTIVITY}) that no e-service has.
     */
    @GET
    @Path("/{id}/activity")
    @RolesAllowed(Scopes.ACCOUNTS_ACTIVITY)
    public Uni<List<AccountActivity>> activity(@RestPath UUID id) {
        return lookup.activity(id, client()).map(events -> events.stream().map(AuditEvent::view).toList());
    }

    /** Exactly one of {@code email} and {@code legacyUsername}. */
    @GET
    public Uni<AccountView> find(@RestQuery String email, @RestQuery String legacyUsername) {
        if ((email == null) == (legacyUsername == null)) {
            return Uni.createFrom().failure(new BadRequestException());
        }
        return (email != null ? lookup.byEmail(email, client()) : lookup.byLegacyUsername(legacyUsername, client()))
                .map(AccountViews::of);
    }

    /** The calling client's id, as its token named it. */
    private String client() {
        return caller.getPrincipal().getName();
    }
}
