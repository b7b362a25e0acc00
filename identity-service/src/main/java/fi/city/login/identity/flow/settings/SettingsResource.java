package fi.city.login.identity.flow.settings;

import fi.city.login.identity.api.account.AccountActivity;
import fi.city.login.identity.api.login.PasskeyOptions;
import fi.city.login.identity.api.login.SecondFactorCode;
import fi.city.login.identity.api.settings.PasskeyRegistrationRequest;
import fi.city.login.identity.api.settings.PasskeyView;
import fi.city.login.identity.api.settings.ProfileRequest;
import fi.city.login.identity.api.settings.ReauthenticationRequest;
import fi.city.login.identity.api.settings.RecoveryCodes;
import fi.city.login.identity.api.settings.SecondFactorView;
import fi.city.login.identity.api.settings.TotpEnrolment;
import fi.city.login.identity.api.settings.SessionSummary;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import org.jboss.resteasy.reactive.RestPath;
import java.util.List;
import java.util.UUID;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.settings.ChangePasswordRequest;
import fi.city.login.identity.api.settings.EmailChangeRequest;
import fi.city.login.identity.token.Scopes;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

/** The settings flow: what a logged-in resident changes about their own account, in their session. */
@Path("/api/v1/settings")
@RolesAllowed(Scopes.PORTAL)
public class SettingsResource {

    private final PasswordChange passwordChange;
    private final AccountSettings settings;
    private final EmailChangeStep emailChangeStep;
    private final SecondFactorSettings secondFactor;
    private final PasskeySettings passkeys;

    public SettingsResource(PasswordChange passwordChange, AccountSettings settings, EmailChangeStep emailChangeStep,
                            SecondFactorSettings secondFactor, PasskeySettings passkeys) {
        this.passkeys = passkeys;
        this.secondFactor = secondFactor;
        this.passwordChange = passwordChange;
        this.settings = settings;
        this.emailChangeStep = emailChangeStep;
    }

    /** A new password with the current one; the other sessions of the account end. */
    @POST
    @Path("/password")
    @ResponseStatus(204)
    public Uni<Void> changePassword(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                    @Valid @NotNull ChangePasswordRequest request) {
        return passwordChange.change(sessionToken, request.currentPassword(), request.newPassword(),
                request.newPasswordConfirmation(), request.secondFactorCode());
    }

    @POST
    @Path("/profile")
    @ResponseStatus(204)
    public Uni<Void> changeProfile(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                   @Valid @NotNull ProfileRequest request) {
        return settings.changeProfile(sessionToken, request.displayName(), request.locale());
    }

    /** A link goes to the new address; the answer is the same whether or not the address has an account. */
    @POST
    @Path("/email")
    @ResponseStatus(202)
    public Uni<Void> requestEmailChange(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                        @Valid @NotNull EmailChangeRequest request) {
        return emailChangeStep.request(sessionToken, request.newEmail(), request.currentPassword(), request.secondFactorCode());
    }

    @GET
    @Path("/sessions")
    public Uni<List<SessionSummary>> sessions(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken) {
        return settings.sessions(sessionToken);
    }

    @DELETE
    @Path("/sessions/{id}")
    @ResponseStatus(204)
    public Uni<Void> endOtherSession(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken, @RestPath UUID id) {
        return settings.endOther(sessionToken, id);
    }

    @DELETE
    @Path("/sessions")
    @ResponseStatus(204)
    public Uni<Void> endOtherSessions(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken) {
        return settings.endOthers(sessionToken);
    }

    @GET
    @Path("/second-factor")
    public Uni<SecondFactorView> secondFactor(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken) {
        return secondFactor.status(sessionToken);
    }

    /** A new authenticator app's secret, after the password again; it is no factor until confirmed. */
    @POST
    @Path("/second-factor/enrolment")
    public Uni<TotpEnrolment> startSecondFactorEnrolment(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                                         @Valid @NotNull ReauthenticationRequest request) {
        return secondFactor.startEnrolment(sessionToken, request.currentPassword());
    }

    /** A code the new app shows confirms it; the answer holds the ten recovery codes, this once. */
    @POST
    @Path("/second-factor/confirmation")
    public Uni<RecoveryCodes> confirmSecondFactor(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                                  @Valid @NotNull SecondFactorCode request) {
        return secondFactor.confirm(sessionToken, request.code());
    }

    /** Ten new recovery codes; the old ones stop working. */
    @POST
    @Path("/second-factor/recovery-codes")
    public Uni<RecoveryCodes> newRecoveryCodes(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                               @Valid @NotNull ReauthenticationRequest request) {
        return secondFactor.newRecoveryCodes(sessionToken, request.currentPassword(), request.secondFactorCode());
    }

    @POST
    @Path("/second-factor/removal")
    @ResponseStatus(204)
    public Uni<Void> removeSecondFactor(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                        @Valid @NotNull ReauthenticationRequest request) {
        return secondFactor.remove(sessionToken, request.currentPassword(), request.secondFactorCode());
    }

    @GET
    @Path("/passkeys")
    public Uni<List<PasskeyView>> passkeys(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken) {
        return passkeys.list(sessionToken);
    }

    /** A registration's options, after the password (and the second factor's code) again. */
    @POST
    @Path("/passkeys/options")
    public Uni<PasskeyOptions> passkeyRegistrationOptions(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                                          @Valid @NotNull ReauthenticationRequest request) {
        return passkeys.registrationOptions(sessionToken, request.currentPassword(), request.secondFactorCode())
                .map(PasskeyOptions::new);
    }

    @POST
    @Path("/passkeys")
    public Uni<PasskeyView> addPasskey(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                       @Valid @NotNull PasskeyRegistrationRequest request) {
        return passkeys.register(sessionToken, request.name(), request.response());
    }

    @POST
    @Path("/passkeys/{id}/removal")
    @ResponseStatus(204)
    public Uni<Void> removePasskey(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken, @RestPath UUID id,
                                   @Valid @NotNull ReauthenticationRequest request) {
        return passkeys.remove(sessionToken, id, request.currentPassword(), request.secondFactorCode());
    }

    @GET
    @Path("/activity")
    public Uni<List<AccountActivity>> activity(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken) {
        return settings.activity(sessionToken);
    }
}
