package fi.city.login.identity.rest;

import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.identity.service.PasswordRecovery;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.time.Instant;

/** The recovery flow: ask for a link, open it, set the password with it. */
@Path("/api/v1/recovery")
public class RecoveryResource {

    private final PasswordRecovery recovery;

    public RecoveryResource(PasswordRecovery recovery) {
        this.recovery = recovery;
    }

    /** Sends a link if the address has an account; answers 202 either way. */
    @POST
    @Path("/links")
    @ResponseStatus(202)
    public Uni<Void> requestLink(@Valid @NotNull LinkRequest request) {
        return recovery.requestLink(request.email());
    }

    /** Reads a link without spending it: mail scanners open links too. */
    @POST
    @Path("/links/inspect")
    public Uni<LinkView> inspect(@Valid @NotNull TokenRequest request) {
        return recovery.inspect(request.token()).map(link -> new LinkView(link.account.email,
                link.account.displayName, link.account.locale, link.purpose, link.expiresAt));
    }

    /** Sets the password and spends the link; every other open link and every session of the account ends. */
    @POST
    @Path("/password")
    @ResponseStatus(204)
    public Uni<Void> setPassword(@Valid @NotNull SetPasswordRequest request) {
        return recovery.setPassword(request.token(), request.password(), request.passwordConfirmation());
    }

    public record LinkRequest(@NotNull @Size(max = 320) String email) {
    }

    public record TokenRequest(@NotNull @Size(max = 100) String token) {
        @Override
        public String toString() {
            return "TokenRequest[]";
        }
    }

    public record LinkView(String email, String displayName, String locale, Purpose purpose, Instant expiresAt) {
    }

    public record SetPasswordRequest(@NotNull @Size(max = 100) String token,
                                     @NotNull @Size(max = 1024) String password,
                                     @NotNull @Size(max = 1024) String passwordConfirmation) {
        @Override
        public String toString() {
            return "SetPasswordRequest[]";
        }
    }
}
