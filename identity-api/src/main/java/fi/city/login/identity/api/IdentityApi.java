package fi.city.login.identity.api;

import fi.city.login.identity.api.login.CodeLoginRequest;
import fi.city.login.identity.api.login.IdentifierRequest;
import fi.city.login.identity.api.login.IdentifierResponse;
import fi.city.login.identity.api.login.LoginResponse;
import fi.city.login.identity.api.login.PasskeyLoginRequest;
import fi.city.login.identity.api.login.PasskeyOptions;
import fi.city.login.identity.api.login.PasswordLoginRequest;
import fi.city.login.identity.api.login.SecondFactorCode;
import fi.city.login.identity.api.login.SecondFactorPasskeyRequest;
import fi.city.login.identity.api.login.SecondFactorLoginRequest;
import fi.city.login.identity.api.login.SessionView;
import fi.city.login.identity.api.oidc.AuthorizationRequest;
import fi.city.login.identity.api.oidc.AuthorizationResponse;
import fi.city.login.identity.api.oidc.LogoutRequest;
import fi.city.login.identity.api.oidc.LogoutResponse;
import fi.city.login.identity.api.recovery.PasswordLinkRequest;
import fi.city.login.identity.api.recovery.PasswordLinkToken;
import fi.city.login.identity.api.recovery.PasswordLinkView;
import fi.city.login.identity.api.recovery.SecureAccountView;
import fi.city.login.identity.api.recovery.SetPasswordRequest;
import fi.city.login.identity.api.registration.RegistrationRequest;
import fi.city.login.identity.api.account.AccountActivity;
import fi.city.login.identity.api.settings.ChangePasswordRequest;
import fi.city.login.identity.api.settings.EmailChangeRequest;
import fi.city.login.identity.api.settings.PasskeyRegistrationRequest;
import fi.city.login.identity.api.settings.PasskeyView;
import fi.city.login.identity.api.settings.ProfileRequest;
import fi.city.login.identity.api.settings.ReauthenticationRequest;
import fi.city.login.identity.api.settings.RecoveryCodes;
import fi.city.login.identity.api.settings.SecondFactorView;
import fi.city.login.identity.api.settings.TotpEnrolment;
import fi.city.login.identity.api.settings.SessionSummary;
import fi.city.login.identity.api.verification.EmailChangeConfirmation;
import fi.city.login.identity.api.verification.EmailChangeToken;
import fi.city.login.identity.api.verification.EmailChangeView;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/**
 * identity-service's API as the portal calls it, one group of methods per flow. The portal injects this
 * interface as its REST client ({@code quarkus.rest-client.identity.url}); identity-service's resources
 * take and return the same records, and {@code IdentityApiContractTest} there fails when a method here
 * and a resource there disagree on verb, path, headers or body. Refusals are {@link Problem} documents.
 */
@RegisterRestClient(configKey = "identity")
@Path("/api/v1")
public interface IdentityApi {

    /** The portal's session, named by its raw token (never in a URL, which gets logged). */
    String SESSION_HEADER = "X-Session-Token";

    /** The resident's address as the portal saw it: brute-force protection and email limits count by it. */
    String CLIENT_ADDRESS_HEADER = "X-Client-Address";

    // Login: the identifier step, the password step, the session it starts, logout.

    @POST
    @Path("/login/identifier")
    Uni<IdentifierResponse> identify(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress, IdentifierRequest request);

    /** {@code previousSession}: the browser's session before this login, if any; it ends when the new one starts. */
    @POST
    @Path("/login/password")
    Uni<LoginResponse> logIn(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress,
                             @HeaderParam(SESSION_HEADER) String previousSession, PasswordLoginRequest request);

    /**
     * A login code by email to an account paused for unknown browsers (too many wrong passwords): the way
     * in for a new browser of its owner. 202 whatever the address; only such an account gets a code.
     */
    @POST
    @Path("/login/code")
    Uni<Void> requestLoginCode(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress, IdentifierRequest request);

    /** The password step with the mailed code, for a browser the account does not know while it is paused. */
    @POST
    @Path("/login/code/password")
    Uni<LoginResponse> logInWithCode(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress,
                                     @HeaderParam(SESSION_HEADER) String previousSession, CodeLoginRequest request);

    /** The second-factor step: the flow the password step left (its token) and a code; the session. */
    @POST
    @Path("/login/second-factor")
    Uni<LoginResponse> logInWithSecondFactor(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress,
                                             @HeaderParam(SESSION_HEADER) String previousSession,
                                             SecondFactorLoginRequest request);

    /** A passkey login's options (a challenge); the browser's answer goes to {@link #logInWithPasskey}. */
    @POST
    @Path("/login/passkey/options")
    Uni<PasskeyOptions> passkeyOptions();

    @POST
    @Path("/login/passkey")
    Uni<LoginResponse> logInWithPasskey(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress,
                                        @HeaderParam(SESSION_HEADER) String previousSession, PasskeyLoginRequest request);

    /** A passkey of the account instead of the authenticator app's code, at the second-factor step. */
    @POST
    @Path("/login/second-factor/passkey")
    Uni<LoginResponse> logInWithSecondFactorPasskey(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress,
                                                    @HeaderParam(SESSION_HEADER) String previousSession,
                                                    SecondFactorPasskeyRequest request);

    /** A second factor given in a live session, when an e-service asks for one; the session carries it from now on. */
    @POST
    @Path("/session/second-factor")
    Uni<SessionView> addSecondFactor(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress,
                                     @HeaderParam(SESSION_HEADER) String sessionToken, SecondFactorCode request);

    /** A passkey of the session's account as the second factor an e-service asked for. */
    @POST
    @Path("/session/second-factor/passkey")
    Uni<SessionView> addSecondFactorPasskey(@HeaderParam(SESSION_HEADER) String sessionToken, PasskeyLoginRequest request);

    @GET
    @Path("/session")
    Uni<SessionView> session(@HeaderParam(SESSION_HEADER) String sessionToken);

    @DELETE
    @Path("/session")
    Uni<Void> endSession(@HeaderParam(SESSION_HEADER) String sessionToken);

    // Recovery: password links by email.

    @GET
    @Path("/recovery/password-policy")
    Uni<PasswordPolicyView> passwordPolicy();

    @POST
    @Path("/recovery/password-links")
    Uni<Void> requestPasswordLink(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress, PasswordLinkRequest request);

    @POST
    @Path("/recovery/password-links/inspect")
    Uni<PasswordLinkView> inspectPasswordLink(PasswordLinkToken request);

    @POST
    @Path("/recovery/password")
    Uni<Void> setPassword(SetPasswordRequest request);

    /** Reads a new-browser notice's link without spending it. */
    @POST
    @Path("/recovery/secure-account/inspect")
    Uni<SecureAccountView> inspectSecureAccountLink(PasswordLinkToken request);

    /** "It wasn't me": ends every session of the account and mails a password link; spends the link. */
    @POST
    @Path("/recovery/secure-account")
    Uni<SecureAccountView> secureAccount(PasswordLinkToken request);

    // Registration.

    @POST
    @Path("/registration")
    Uni<Void> register(@HeaderParam(CLIENT_ADDRESS_HEADER) String clientAddress, RegistrationRequest request);

    // Settings of the logged-in resident.

    @POST
    @Path("/settings/password")
    Uni<Void> changePassword(@HeaderParam(SESSION_HEADER) String sessionToken, ChangePasswordRequest request);

    @POST
    @Path("/settings/profile")
    Uni<Void> changeProfile(@HeaderParam(SESSION_HEADER) String sessionToken, ProfileRequest request);

    /**
     * Asks for a new email address: a link to it confirms the change; until then the current address stays
     * the username. The same answer (202) whether or not the new address already has an account.
     */
    @POST
    @Path("/settings/email")
    Uni<Void> requestEmailChange(@HeaderParam(SESSION_HEADER) String sessionToken, EmailChangeRequest request);

    /** The account's live sessions, the most recently used first. */
    @GET
    @Path("/settings/sessions")
    Uni<List<SessionSummary>> sessions(@HeaderParam(SESSION_HEADER) String sessionToken);

    /** Ends another of the account's sessions ("log out that device"); its e-services' refresh tokens end with it. */
    @DELETE
    @Path("/settings/sessions/{id}")
    Uni<Void> endOtherSession(@HeaderParam(SESSION_HEADER) String sessionToken, @PathParam("id") UUID sessionId);

    /** Ends every session of the account but this one ("log out everywhere else"). */
    @DELETE
    @Path("/settings/sessions")
    Uni<Void> endOtherSessions(@HeaderParam(SESSION_HEADER) String sessionToken);

    /** The account's second factor: whether it has an authenticator app, and how many recovery codes are left. */
    @GET
    @Path("/settings/second-factor")
    Uni<SecondFactorView> secondFactor(@HeaderParam(SESSION_HEADER) String sessionToken);

    /** A new authenticator app's secret, after the password again; no factor until confirmed. */
    @POST
    @Path("/settings/second-factor/enrolment")
    Uni<TotpEnrolment> startSecondFactorEnrolment(@HeaderParam(SESSION_HEADER) String sessionToken,
                                                  ReauthenticationRequest request);

    /** A code the new app shows confirms it: the ten recovery codes, this once. */
    @POST
    @Path("/settings/second-factor/confirmation")
    Uni<RecoveryCodes> confirmSecondFactor(@HeaderParam(SESSION_HEADER) String sessionToken, SecondFactorCode request);

    @POST
    @Path("/settings/second-factor/recovery-codes")
    Uni<RecoveryCodes> newRecoveryCodes(@HeaderParam(SESSION_HEADER) String sessionToken, ReauthenticationRequest request);

    /** Removes the authenticator app and its recovery codes, after the password and a code again. */
    @POST
    @Path("/settings/second-factor/removal")
    Uni<Void> removeSecondFactor(@HeaderParam(SESSION_HEADER) String sessionToken, ReauthenticationRequest request);

    /** The account's passkeys, oldest first. */
    @GET
    @Path("/settings/passkeys")
    Uni<List<PasskeyView>> passkeys(@HeaderParam(SESSION_HEADER) String sessionToken);

    /** A passkey registration's options, after the password (and a code of the second factor) again. */
    @POST
    @Path("/settings/passkeys/options")
    Uni<PasskeyOptions> passkeyRegistrationOptions(@HeaderParam(SESSION_HEADER) String sessionToken,
                                                   ReauthenticationRequest request);

    @POST
    @Path("/settings/passkeys")
    Uni<PasskeyView> addPasskey(@HeaderParam(SESSION_HEADER) String sessionToken, PasskeyRegistrationRequest request);

    @POST
    @Path("/settings/passkeys/{id}/removal")
    Uni<Void> removePasskey(@HeaderParam(SESSION_HEADER) String sessionToken, @PathParam("id") UUID passkeyId,
                            ReauthenticationRequest request);

    /** The account's recent activity from its audit trail, newest first. */
    @GET
    @Path("/settings/activity")
    Uni<List<AccountActivity>> activity(@HeaderParam(SESSION_HEADER) String sessionToken);

    // Verification: the link sent to a new email address, and the link to the old one that cancels it.

    /** Reads an email change's link without spending it: mail scanners open links too. */
    @POST
    @Path("/verification/email-change/inspect")
    Uni<EmailChangeView> inspectEmailChange(EmailChangeToken request);

    /**
     * Makes the new address the account's, spending the link; the old address is told. Only in a live
     * session of the link's account, with its current password.
     */
    @POST
    @Path("/verification/email-change")
    Uni<EmailChangeView> confirmEmailChange(@HeaderParam(SESSION_HEADER) String sessionToken, EmailChangeConfirmation request);

    /** Reads the link the old address got when a change was asked, without spending it. */
    @POST
    @Path("/verification/email-change/cancellation/inspect")
    Uni<EmailChangeView> inspectEmailChangeCancellation(EmailChangeToken request);

    /** "This wasn't me": the change asked for stops, spending the link; no login is needed. */
    @POST
    @Path("/verification/email-change/cancellation")
    Uni<EmailChangeView> cancelEmailChange(EmailChangeToken request);

    // OpenID Connect: the portal serves the authorization and end-session endpoints for the e-services.

    /** {@code sessionToken}: the browser's session, if any; a code is issued only for a live one. */
    @POST
    @Path("/oidc/authorize")
    Uni<AuthorizationResponse> authorize(@HeaderParam(SESSION_HEADER) String sessionToken, AuthorizationRequest request);

    @POST
    @Path("/oidc/logout")
    Uni<LogoutResponse> checkLogout(@HeaderParam(SESSION_HEADER) String sessionToken, LogoutRequest request);
}
