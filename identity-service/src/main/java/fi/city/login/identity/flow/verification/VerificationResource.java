package fi.city.login.identity.flow.verification;

import fi.city.login.identity.api.verification.EmailChangeToken;
import fi.city.login.identity.api.verification.EmailChangeView;
import fi.city.login.identity.token.Scopes;
import fi.city.login.identity.emailchange.EmailChange;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** The verification flow: the link sent to a new email address, read and then confirmed. */
@Path("/api/v1/verification")
@RolesAllowed(Scopes.PORTAL)
public class VerificationResource {

    private final Verification verification;

    public VerificationResource(Verification verification) {
        this.verification = verification;
    }

    /** Reads the link without spending it: mail scanners open links too. */
    @POST
    @Path("/email-change/inspect")
    public Uni<EmailChangeView> inspectEmailChange(@Valid @NotNull EmailChangeToken request) {
        return verification.inspect(request.token()).map(VerificationResource::view);
    }

    /** The new address becomes the username; the link is spent and the old address told. */
    @POST
    @Path("/email-change")
    public Uni<EmailChangeView> confirmEmailChange(@Valid @NotNull EmailChangeToken request) {
        return verification.confirm(request.token()).map(VerificationResource::view);
    }

    private static EmailChangeView view(EmailChange change) {
        return new EmailChangeView(change.account.email, change.newEmail, change.account.locale, change.expiresAt);
    }
}
