package fi.city.login.identity.flow.recovery;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.PasswordPolicyView;
import fi.city.login.identity.api.recovery.PasswordLinkRequest;
import fi.city.login.identity.api.recovery.PasswordLinkToken;
import fi.city.login.identity.api.recovery.SecureAccountView;
import fi.city.login.identity.link.EmailedLink;
import fi.city.login.identity.api.recovery.PasswordLinkView;
import fi.city.login.identity.api.recovery.SetPasswordRequest;
import fi.city.login.identity.bruteforce.ClientAddress;
import fi.city.login.identity.credential.PasswordConfig;
import fi.city.login.identity.token.Scopes;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The recovery flow: ask for a password link, open it, set the password with it. */
@Path("/api/v1/recovery")
@RolesAllowed(Scopes.PORTAL)
public class RecoveryResource {

    private final Recovery recovery;
    private final AccountSecuring securing;
    private final PasswordPolicyView policy;

    public RecoveryResource(Recovery recovery, AccountSecuring securing, PasswordConfig passwords) {
        this.recovery = recovery;
        this.securing = securing;
        this.policy = new PasswordPolicyView(passwords.minLength(), passwords.maxLength());
    }

    /** What a new password must be: the portal's hints and errors name these figures. */
    @GET
    @Path("/password-policy")
    public Uni<PasswordPolicyView> passwordPolicy() {
        return Uni.createFrom().item(policy);
    }

    /**
     * Sends a password link if the address has an account, a notice that it has none if not; answers 202
     * either way.
     */
    @POST
    @Path("/password-links")
    @ResponseStatus(202)
    public Uni<Void> requestPasswordLink(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String statedAddress,
                                         @Valid @NotNull PasswordLinkRequest request,
                                         @Context HttpServerRequest connection) {
        return recovery.requestLink(request.email(), request.locale(), ClientAddress.of(statedAddress, connection));
    }

    /** Reads a password link without spending it: mail scanners open links too. */
    @POST
    @Path("/password-links/inspect")
    public Uni<PasswordLinkView> inspectPasswordLink(@Valid @NotNull PasswordLinkToken request) {
        return recovery.inspect(request.token()).map(link -> new PasswordLinkView(link.account.email,
                link.account.displayName, link.account.locale, PasswordLinkView.Purpose.valueOf(link.kind.name()),
                link.expiresAt));
    }

    /** Sets the password and spends the link; every other open link and every session of the account ends. */
    @POST
    @Path("/password")
    @ResponseStatus(204)
    public Uni<Void> setPassword(@Valid @NotNull SetPasswordRequest request) {
        return recovery.setPassword(request.token(), request.password(), request.passwordConfirmation());
    }

    /** Reads a new-browser notice's link without spending it: mail scanners open links too. */
    @POST
    @Path("/secure-account/inspect")
    public Uni<SecureAccountView> inspectSecureAccountLink(@Valid @NotNull PasswordLinkToken request) {
        return securing.inspect(request.token()).map(RecoveryResource::secureAccountView);
    }

    /** "It wasn't me": every session and e-service token of the account ends, and a password link is mailed. */
    @POST
    @Path("/secure-account")
    public Uni<SecureAccountView> secureAccount(@Valid @NotNull PasswordLinkToken request) {
        return securing.secure(request.token()).map(RecoveryResource::secureAccountView);
    }

    private static SecureAccountView secureAccountView(EmailedLink link) {
        return new SecureAccountView(link.account.email, link.account.displayName, link.account.locale, link.expiresAt);
    }
}
