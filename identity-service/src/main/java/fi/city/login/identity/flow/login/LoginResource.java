package fi.city.login.identity.flow.login;

import fi.city.login.identity.account.AccountViews;
import fi.city.login.identity.api.IdentityApi;
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
import fi.city.login.identity.bruteforce.ClientAddress;
import fi.city.login.identity.session.Sessions;
import fi.city.login.identity.token.Scopes;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;

/**
 * The login flow: the identifier step, then the password step (or a mailed code with the password), the
 * second factor when the account has one, and the session they start (who is logged in, a second factor
 * added to it, and logout).
 */
@Path("/api/v1")
@RolesAllowed(Scopes.PORTAL)
public class LoginResource {

    private final IdentifierStep identifierStep;
    private final PasswordStep passwordStep;
    private final CodeStep codeStep;
    private final SecondFactorStep secondFactorStep;
    private final PasskeyStep passkeyStep;
    private final Sessions sessions;

    public LoginResource(IdentifierStep identifierStep, PasswordStep passwordStep, CodeStep codeStep,
                         SecondFactorStep secondFactorStep, PasskeyStep passkeyStep, Sessions sessions) {
        this.passkeyStep = passkeyStep;
        this.secondFactorStep = secondFactorStep;
        this.identifierStep = identifierStep;
        this.passwordStep = passwordStep;
        this.codeStep = codeStep;
        this.sessions = sessions;
    }

    /** What comes after the resident gives their email: the password step, a link sent, or not recognised. */
    @POST
    @Path("/login/identifier")
    public Uni<IdentifierResponse> identify(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String statedAddress,
                                            @Valid @NotNull IdentifierRequest request,
                                            @Context HttpServerRequest connection) {
        return identifierStep.identify(request.email(), request.locale(), ClientAddress.of(statedAddress, connection));
    }

    /**
     * @param forwardedAddress the resident's address as the portal saw it. identity-service's API is
     *                         reachable only from the portal and city systems, so the header is trusted;
     *                         without it the connection's address counts
     * @param previousSession  the browser's session before this login, which ends when the new one starts
     */
    @POST
    @Path("/login/password")
    public Uni<LoginResponse> logIn(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String forwardedAddress,
                                    @HeaderParam(IdentityApi.SESSION_HEADER) String previousSession,
                                    @Valid @NotNull PasswordLoginRequest request,
                                    @Context HttpServerRequest connection) {
        String clientAddress = ClientAddress.of(forwardedAddress, connection);
        return passwordStep.logIn(request.email(), request.password(), request.rememberMe(), clientAddress, previousSession,
                        request.deviceToken(), request.browser())
                .map(LoginResource::answer);
    }

    /** 202 whatever the address: only an account paused for unknown browsers is mailed a code. */
    @POST
    @Path("/login/code")
    @ResponseStatus(202)
    public Uni<Void> requestLoginCode(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String forwardedAddress,
                                      @Valid @NotNull IdentifierRequest request, @Context HttpServerRequest connection) {
        return codeStep.requestCode(request.email(), ClientAddress.of(forwardedAddress, connection));
    }

    @POST
    @Path("/login/code/password")
    public Uni<LoginResponse> logInWithCode(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String forwardedAddress,
                                           @HeaderParam(IdentityApi.SESSION_HEADER) String previousSession,
                                           @Valid @NotNull CodeLoginRequest request,
                                           @Context HttpServerRequest connection) {
        return codeStep.logIn(request.email(), request.code(), request.password(), request.rememberMe(),
                        ClientAddress.of(forwardedAddress, connection), previousSession, request.deviceToken(), request.browser())
                .map(LoginResource::answer);
    }

    /** The flow the password step left, and a code of the second factor: the session. */
    @POST
    @Path("/login/second-factor")
    public Uni<LoginResponse> logInWithSecondFactor(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String forwardedAddress,
                                                   @HeaderParam(IdentityApi.SESSION_HEADER) String previousSession,
                                                   @Valid @NotNull SecondFactorLoginRequest request,
                                                   @Context HttpServerRequest connection) {
        return secondFactorStep.logIn(request.flowToken(), request.code(), ClientAddress.of(forwardedAddress, connection),
                previousSession, request.deviceToken(), request.browser()).map(LoginResource::answer);
    }

    /** A passkey login's options: a fresh challenge, and no allow list (the passkey names the account). */
    @POST
    @Path("/login/passkey/options")
    public Uni<PasskeyOptions> passkeyOptions() {
        return passkeyStep.options().map(PasskeyOptions::new);
    }

    /** The browser's answer to those options: the session, without a password; no password pause applies. */
    @POST
    @Path("/login/passkey")
    public Uni<LoginResponse> logInWithPasskey(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String forwardedAddress,
                                              @HeaderParam(IdentityApi.SESSION_HEADER) String previousSession,
                                              @Valid @NotNull PasskeyLoginRequest request,
                                              @Context HttpServerRequest connection) {
        return passkeyStep.logIn(request.response(), request.rememberMe(), ClientAddress.of(forwardedAddress, connection),
                previousSession, request.deviceToken(), request.browser()).map(LoginResource::answer);
    }

    /** A passkey of the account instead of the authenticator app's code, at the second-factor step. */
    @POST
    @Path("/login/second-factor/passkey")
    public Uni<LoginResponse> logInWithSecondFactorPasskey(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String forwardedAddress,
                                                          @HeaderParam(IdentityApi.SESSION_HEADER) String previousSession,
                                                          @Valid @NotNull SecondFactorPasskeyRequest request,
                                                          @Context HttpServerRequest connection) {
        return secondFactorStep.logInWithPasskey(request.flowToken(), request.response(),
                ClientAddress.of(forwardedAddress, connection), previousSession, request.deviceToken(), request.browser())
                .map(LoginResource::answer);
    }

    /**
     * A second factor given in a live session, when an e-service asks for one (acr_values=2) of a resident
     * who logged in with the password alone; the session carries it from then on.
     */
    @POST
    @Path("/session/second-factor")
    public Uni<SessionView> addSecondFactor(@HeaderParam(IdentityApi.CLIENT_ADDRESS_HEADER) String forwardedAddress,
                                            @HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                            @Valid @NotNull SecondFactorCode request, @Context HttpServerRequest connection) {
        return secondFactorStep.stepUp(sessionToken, request.code(), ClientAddress.of(forwardedAddress, connection))
                .map(session -> new SessionView(AccountViews.of(session.account), session.persistent, session.expiresAt));
    }

    /** A passkey of the session's account as the second factor an e-service asked for. */
    @POST
    @Path("/session/second-factor/passkey")
    public Uni<SessionView> addSecondFactorPasskey(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken,
                                                   @Valid @NotNull PasskeyLoginRequest request) {
        return secondFactorStep.stepUpWithPasskey(sessionToken, request.response())
                .map(session -> new SessionView(AccountViews.of(session.account), session.persistent, session.expiresAt));
    }

    private static LoginResponse answer(PasswordStep.Result result) {
        if (result.flow() != null) {
            return new LoginResponse(LoginResponse.Next.SECOND_FACTOR, result.flow().token(), result.flow().flow().expiresAt,
                    null, null, false, null, null, null, null, null);
        }
        return new LoginResponse(LoginResponse.Next.SESSION, null, null, result.session().token(),
                result.session().session().expiresAt, result.session().session().persistent, result.accessToken().jwt(),
                "Bearer", result.accessToken().expiresAt(), AccountViews.of(result.session().session().account),
                result.deviceToken());
    }

    /** The session's resident; using the session starts its idle timeout again. */
    @GET
    @Path("/session")
    @WithTransaction
    public Uni<SessionView> session(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken) {
        return sessions.current(sessionToken)
                .call(session -> sessions.touch(session, Instant.now()))
                .map(session -> new SessionView(AccountViews.of(session.account), session.persistent, session.expiresAt));
    }

    /** Logout: the session ends on the server, whatever the browser keeps. */
    @DELETE
    @Path("/session")
    @WithTransaction
    @ResponseStatus(204)
    public Uni<Void> endSession(@HeaderParam(IdentityApi.SESSION_HEADER) String sessionToken) {
        return sessions.end(sessionToken, Instant.now());
    }
}
