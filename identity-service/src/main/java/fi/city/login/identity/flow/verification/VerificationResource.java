package fi.city.login.identity.flow.verification;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.verification.EmailChangeConfirmation;
import fi.city.login.identity.api.verification.EmailChangeToken;
import fi.city.login.identity.api.verification.EmailChangeView;
import fi.city.login.identity.link.EmailedLink;
import fi.city.login.identity.token.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/**
 * The verification flow: the link sent to a new email address, read and then confirmed in the account's
 * session; the link sent to the old address, read and then used to cancel the change.
 */
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
    public Uni<EmailChangeView> confirmEmailChange(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                                  @Valid @NotNull EmailChangeConfirmation request) {
        return verification.confirm(request.token(), sessionToken, request.currentPassword(), request.secondFactorCode()).map(VerificationResource::view);
    }

    @POST
    @Path("/email-change/cancellation/inspect")
    public Uni<EmailChangeView> inspectEmailChangeCancellation(@Valid @NotNull EmailChangeToken request) {
        return verification.inspectCancellation(request.token()).map(VerificationResource::view);
    }

    /** "This wasn't me": the change stops; the address stays what it was. */
    @POST
    @Path("/email-change/cancellation")
    public Uni<EmailChangeView> cancelEmailChange(@Valid @NotNull EmailChangeToken request) {
        return verification.cancel(request.token()).map(VerificationResource::view);
    }

    private static EmailChangeView view(EmailedLink link) {
        return new EmailChangeView(link.account.email, link.newEmail, link.account.locale, link.expiresAt);
    }
}
