package fi.city.login.portal.settings;

import fi.city.login.identity.api.IdentityApi;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.api.settings.ChangePasswordRequest;
import fi.city.login.identity.api.settings.EmailChangeRequest;
import fi.city.login.identity.api.settings.PasskeyRegistrationRequest;
import fi.city.login.identity.api.settings.ProfileRequest;
import fi.city.login.identity.api.settings.ReauthenticationRequest;
import fi.city.login.identity.api.settings.SecondFactorView;
import fi.city.login.portal.i18n.Language;
import fi.city.login.portal.page.Cookies;
import fi.city.login.portal.page.Page;
import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
import fi.city.login.portal.page.ProblemMessages;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Account settings (docs/journey.md, screen 8: clicking one's own name): name and language, the email address, the password,
 * where the resident is logged in (and logging out there), and recent activity. A change that succeeds
 * answers with a redirect back here (post/redirect/get) that names what was done.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class SettingsPages {

    private static final Logger LOG = Logger.getLogger(SettingsPages.class);

    private final IdentityApi identity;
    private final PageContext pages;
    private final Cookies cookies;

    public SettingsPages(@RestClient IdentityApi identity, PageContext pages, Cookies cookies) {
        this.identity = identity;
        this.pages = pages;
        this.cookies = cookies;
    }

    /** @param done what the last change was ({@code profile}, {@code session}, {@code others}), for its notice */
    @GET
    public Uni<Response> account(@RestQuery String done, @Context HttpHeaders headers) {
        return loggedIn(headers, page -> render(page, headers, 200, notice(page, done), null, null, null));
    }

    @POST
    @Path("/profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changeProfile(@RestForm String displayName, @RestForm String locale, @Context HttpHeaders headers) {
        return loggedIn(headers, page -> {
            Language language = Language.parse(locale);
            if (displayName == null || displayName.isBlank() || language == null) {
                return render(page, headers, 400, null, page.messages().invalidName(), Field.NAME, null);
            }
            // A new language: pages follow it at once (its cookie), emails follow the account's. Saving only the
            // name leaves the pages in the language they are in, whatever the account keeps for its emails.
            boolean languageChanged = !language.code().equals(page.resident().locale());
            return identity.changeProfile(pages.sessionToken(headers), new ProfileRequest(displayName, language.code()))
                    .map(done -> {
                        Response.ResponseBuilder saved = Response.fromResponse(PageResponses.seeOther("/account?done=profile"));
                        return (languageChanged ? saved.cookie(cookies.language(language)) : saved).build();
                    })
                    .onFailure().recoverWithUni(failure -> render(page, headers, ProblemMessages.status(failure), null,
                            ProblemMessages.of(failure, page), ProblemMessages.is(failure, ProblemType.INVALID_NAME) ? Field.NAME : null, null));
        });
    }

    /** A new password with the current one; the resident stays logged in here, nowhere else. */
    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changePassword(@RestForm String currentPassword, @RestForm String password,
                                        @RestForm String passwordConfirmation, @RestForm String secondFactorCode,
                                        @Context HttpHeaders headers) {
        return loggedIn(headers, page -> {
            if (isBlank(currentPassword) || isBlank(password) || isBlank(passwordConfirmation)) {
                return render(page, headers, 400, null, page.messages().passwordRequired(), Field.NEW_PASSWORD, null);
            }
            return identity.changePassword(pages.sessionToken(headers),
                            new ChangePasswordRequest(currentPassword, password, passwordConfirmation, secondFactorCode))
                    .flatMap(done -> render(page, headers, 200, page.messages().passwordChangedHere(), null, null, null))
                    .onFailure().recoverWithUni(failure -> {
                        boolean currentWrong = ProblemMessages.is(failure, ProblemType.INVALID_CREDENTIALS);
                        return render(page, headers, ProblemMessages.status(failure), null,
                                currentWrong ? page.messages().wrongCurrentPassword() : ProblemMessages.of(failure, page),
                                currentWrong ? Field.CURRENT_PASSWORD
                                        : SecondFactorProblems.isAbout(failure) ? Field.PASSWORD_SECOND_FACTOR : Field.NEW_PASSWORD, null);
                    });
        });
    }

    /**
     * A new email address, with the current password: a link goes to it, and the username changes when the
     * link is used. The page says the same whether or not the address already has an account (that
     * mailbox's owner is told).
     */
    @POST
    @Path("/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changeEmail(@RestForm String newEmail, @RestForm String currentPassword,
                                     @RestForm String secondFactorCode, @Context HttpHeaders headers) {
        return loggedIn(headers, page -> {
            if (newEmail == null || newEmail.isBlank()) {
                return render(page, headers, 400, null, page.messages().invalidEmail(), Field.NEW_EMAIL, newEmail);
            }
            if (isBlank(currentPassword)) {
                return render(page, headers, 400, null, page.messages().passwordRequired(), Field.EMAIL_PASSWORD, newEmail);
            }
            return identity.requestEmailChange(pages.sessionToken(headers), new EmailChangeRequest(newEmail, currentPassword, secondFactorCode))
                    .flatMap(sent -> render(page, headers, 200, page.messages().emailChangeSent(newEmail.strip()), null, null, null))
                    .onFailure().recoverWithUni(failure -> {
                        boolean passwordWrong = ProblemMessages.is(failure, ProblemType.INVALID_CREDENTIALS);
                        return render(page, headers, ProblemMessages.status(failure), null,
                                passwordWrong ? page.messages().wrongCurrentPassword() : ProblemMessages.of(failure, page),
                                passwordWrong ? Field.EMAIL_PASSWORD
                                        : SecondFactorProblems.isAbout(failure) ? Field.EMAIL_SECOND_FACTOR : Field.NEW_EMAIL, newEmail);
                    });
        });
    }

    /** Ten new recovery codes, shown once; the old ones stop working. */
    @POST
    @Path("/second-factor/recovery-codes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> newRecoveryCodes(@RestForm String currentPassword, @RestForm String secondFactorCode,
                                          @Context HttpHeaders headers) {
        return loggedIn(headers, page -> isBlank(currentPassword)
                ? render(page, headers, 400, null, page.messages().passwordRequired(), Field.CODES_PASSWORD, null)
                : identity.newRecoveryCodes(pages.sessionToken(headers), new ReauthenticationRequest(currentPassword, secondFactorCode))
                .map(codes -> PageResponses.ok(page, SettingsTemplates.recoveryCodes(page, page.messages().recoveryCodesReplaced(),
                        codes.codes(), "/account")))
                .onFailure().recoverWithUni(failure -> reauthenticationRefused(page, headers, failure,
                        Field.CODES_PASSWORD, Field.CODES_SECOND_FACTOR)));
    }

    @POST
    @Path("/second-factor/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> removeSecondFactor(@RestForm String currentPassword, @RestForm String secondFactorCode,
                                            @Context HttpHeaders headers) {
        return loggedIn(headers, page -> isBlank(currentPassword)
                ? render(page, headers, 400, null, page.messages().passwordRequired(), Field.REMOVE_PASSWORD, null)
                : identity.removeSecondFactor(pages.sessionToken(headers), new ReauthenticationRequest(currentPassword, secondFactorCode))
                .map(done -> PageResponses.seeOther("/account?done=second-factor-off"))
                .onFailure().recoverWithUni(failure -> reauthenticationRefused(page, headers, failure,
                        Field.REMOVE_PASSWORD, Field.REMOVE_SECOND_FACTOR)));
    }

    /** A passkey's registration options, after the password again: the page that runs the browser's ceremony. */
    @POST
    @Path("/passkeys/options")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> passkeyOptions(@RestForm String name, @RestForm String currentPassword,
                                        @RestForm String secondFactorCode, @Context HttpHeaders headers) {
        return loggedIn(headers, page -> {
            if (isBlank(name) || name.isBlank() || name.strip().length() > 100) {
                return render(page, headers, 400, null, page.messages().passkeyNameRequired(), Field.PASSKEY_NAME, null);
            }
            if (isBlank(currentPassword)) {
                return render(page, headers, 400, null, page.messages().passwordRequired(), Field.PASSKEY_PASSWORD, null);
            }
            return identity.passkeyRegistrationOptions(pages.sessionToken(headers),
                            new ReauthenticationRequest(currentPassword, secondFactorCode))
                    .map(options -> PageResponses.ok(page, SettingsTemplates.passkeyCreate(page, options.publicKey(), name.strip())))
                    .onFailure().recoverWithUni(failure -> reauthenticationRefused(page, headers, failure,
                            Field.PASSKEY_PASSWORD, Field.PASSKEY_SECOND_FACTOR));
        });
    }

    @POST
    @Path("/passkeys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addPasskey(@RestForm String name, @RestForm String response, @Context HttpHeaders headers) {
        return loggedIn(headers, page -> {
            if (isBlank(name) || isBlank(response) || name.strip().length() > 100 || response.length() > 16000) {
                return render(page, headers, 400, null, page.messages().passkeyFailed(), Field.PASSKEY_NAME, null);
            }
            return identity.addPasskey(pages.sessionToken(headers), new PasskeyRegistrationRequest(name.strip(), response))
                    .map(added -> PageResponses.seeOther("/account?done=passkey-added"))
                    .onFailure().recoverWithUni(failure -> render(page, headers, ProblemMessages.status(failure), null,
                            ProblemMessages.of(failure, page), Field.PASSKEY_NAME, null));
        });
    }

    @POST
    @Path("/passkeys/{id}/removal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> removePasskey(@RestPath String id, @RestForm String currentPassword, @RestForm String secondFactorCode,
                                       @Context HttpHeaders headers) {
        return loggedIn(headers, page -> {
            UUID passkeyId;
            try {
                passkeyId = UUID.fromString(id);
            } catch (IllegalArgumentException notOurs) {
                return render(page, headers, 404, null, page.messages().passkeyFailed(), null, null);
            }
            if (isBlank(currentPassword)) {
                return render(page, headers, 400, null, page.messages().passwordRequired(), Field.PASSKEY_PASSWORD, null);
            }
            return identity.removePasskey(pages.sessionToken(headers), passkeyId, new ReauthenticationRequest(currentPassword, secondFactorCode))
                    .map(done -> PageResponses.seeOther("/account?done=passkey-removed"))
                    .onFailure().recoverWithUni(failure -> reauthenticationRefused(page, headers, failure,
                            Field.PASSKEY_PASSWORD, Field.PASSKEY_SECOND_FACTOR));
        });
    }

    private Uni<Response> reauthenticationRefused(Page page, HttpHeaders headers, Throwable failure, Field password,
                                                  Field code) {
        boolean passwordWrong = ProblemMessages.is(failure, ProblemType.INVALID_CREDENTIALS);
        return render(page, headers, ProblemMessages.status(failure), null,
                passwordWrong ? page.messages().wrongCurrentPassword() : ProblemMessages.of(failure, page),
                passwordWrong ? password : code, null);
    }

    /** Logs out another of the resident's browsers; one already ended counts as done. */
    @POST
    @Path("/sessions/{id}/end")
    public Uni<Response> endOtherSession(@RestPath String id, @Context HttpHeaders headers) {
        return loggedIn(headers, page -> {
            UUID sessionId;
            try {
                sessionId = UUID.fromString(id);
            } catch (IllegalArgumentException notOurs) {
                return Uni.createFrom().item(PageResponses.seeOther("/account"));
            }
            return identity.endOtherSession(pages.sessionToken(headers), sessionId)
                    .onFailure(failure -> ProblemMessages.is(failure, ProblemType.SESSION_INVALID)).recoverWithNull()
                    .map(done -> PageResponses.seeOther("/account?done=session"))
                    .onFailure().recoverWithUni(failure -> render(page, headers, ProblemMessages.status(failure), null,
                            ProblemMessages.of(failure, page), null, null));
        });
    }

    @POST
    @Path("/sessions/end-others")
    public Uni<Response> endOtherSessions(@Context HttpHeaders headers) {
        return loggedIn(headers, page -> identity.endOtherSessions(pages.sessionToken(headers))
                .map(done -> PageResponses.seeOther("/account?done=others"))
                .onFailure().recoverWithUni(failure -> render(page, headers, ProblemMessages.status(failure), null,
                        ProblemMessages.of(failure, page), null, null)));
    }

    private Uni<Response> loggedIn(HttpHeaders headers, Function<Page, Uni<Response>> action) {
        return pages.page(headers, "/account").flatMap(page -> page.loggedIn() ? action.apply(page)
                : Uni.createFrom().item(PageResponses.seeOther("/login")));
    }

    /** The page with the resident's sessions and activity; without them (and a log line) if they cannot be read. */
    private Uni<Response> render(Page page, HttpHeaders headers, int status, String notice, String error,
                                 Field errorField, String newEmail) {
        String token = pages.sessionToken(headers);
        Uni<List<SettingsViews.SessionRow>> sessions = identity.sessions(token)
                .map(list -> list.stream().map(session -> SettingsViews.of(session, page.language())).toList())
                .onFailure().recoverWithItem(failure -> unread("sessions", failure));
        Uni<List<SettingsViews.ActivityRow>> activity = identity.activity(token)
                .map(list -> list.stream().limit(20).map(event -> SettingsViews.of(event, page.language())).toList())
                .onFailure().recoverWithItem(failure -> unread("activity", failure));
        // Unread, the second factor shows as off: its forms then ask no code, and identity-service refuses the change.
        Uni<SecondFactorView> secondFactor = identity.secondFactor(token)
                .onFailure().recoverWithItem(failure -> {
                    unread("second factor", failure);
                    return new SecondFactorView(false, null, null, 0);
                });
        Uni<List<SettingsViews.PasskeyRow>> passkeys = identity.passkeys(token)
                .map(list -> list.stream().map(passkey -> SettingsViews.of(passkey, page.language(), page.messages())).toList())
                .onFailure().recoverWithItem(failure -> unread("passkeys", failure));
        return Uni.combine().all().unis(sessions, activity, secondFactor, passkeys).asTuple().map(all -> PageResponses.respond(status, page,
                SettingsTemplates.settings(page, notice, error, errorField == null ? null : errorField.id, newEmail,
                        all.getItem1(), all.getItem2(), all.getItem3(),
                        all.getItem3().enrolledAt() == null ? null : SettingsViews.time(all.getItem3().enrolledAt(), page.language()),
                        all.getItem4())));
    }

    /** The field an error is about, by its id on the page: it gets aria-invalid and the focus. */
    enum Field {
        NAME("display-name"), CURRENT_PASSWORD("current-password"), NEW_PASSWORD("new-password"),
        NEW_EMAIL("new-email"), EMAIL_PASSWORD("email-current-password"),
        EMAIL_SECOND_FACTOR("email-second-factor-code"), PASSWORD_SECOND_FACTOR("password-second-factor-code"),
        CODES_PASSWORD("codes-current-password"), CODES_SECOND_FACTOR("codes-second-factor-code"),
        REMOVE_PASSWORD("remove-current-password"), REMOVE_SECOND_FACTOR("remove-second-factor-code"),
        PASSKEY_NAME("passkey-name"), PASSKEY_PASSWORD("passkey-current-password"),
        PASSKEY_SECOND_FACTOR("passkey-second-factor-code");

        final String id;

        Field(String id) {
            this.id = id;
        }
    }

    private static <T> List<T> unread(String what, Throwable failure) {
        LOG.warnf("the account page's %s could not be read: %s", what, failure.toString());
        return List.of();
    }

    private static String notice(Page page, String done) {
        if (done == null) {
            return null;
        }
        return switch (done) {
            case "profile" -> page.messages().profileSaved();
            case "session" -> page.messages().sessionEnded();
            case "others" -> page.messages().otherSessionsEnded();
            case "second-factor-off" -> page.messages().secondFactorRemoved();
            case "passkey-added" -> page.messages().passkeyAdded();
            case "passkey-removed" -> page.messages().passkeyRemoved();
            default -> null;
        };
    }

    private static boolean isBlank(String value) {
        return value == null || value.isEmpty();
    }
}
