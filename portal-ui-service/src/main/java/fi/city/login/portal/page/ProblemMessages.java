package fi.city.login.portal.page;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.portal.client.IdentityOutage;
import fi.city.login.portal.client.IdentityProblem;
import fi.city.login.portal.i18n.PortalMessages;

/** Turns identity-service's problem types into the resident's language. */
public final class ProblemMessages {

    private ProblemMessages() {
    }

    public static String of(Throwable failure, Page page) {
        PortalMessages msg = page.messages();
        if (!(failure instanceof IdentityProblem problem)) {
            IdentityOutage.noAnswer(failure);
            return msg.temporarilyUnavailable();
        }
        if (problem.type() == null) {
            return msg.somethingWentWrong();
        }
        return switch (problem.type()) {
            case INVALID_EMAIL, INVALID_REQUEST -> msg.invalidEmail();
            case INVALID_NAME -> msg.invalidName();
            case EMAIL_UNCHANGED -> msg.emailUnchanged();
            case EMAIL_IN_USE -> msg.emailInUse();
            case INVALID_CREDENTIALS -> msg.wrongCredentials();
            case ACCOUNT_DISABLED -> msg.accountDisabled();
            case TOO_MANY_ATTEMPTS -> msg.tooManyAttempts();
            case PASSWORD_MISMATCH -> msg.passwordMismatch();
            case PASSWORD_TOO_SHORT -> msg.passwordTooShort(page.passwordMinLength());
            case PASSWORD_TOO_LONG -> msg.passwordTooLong();
            case PASSWORD_TOO_COMMON -> msg.passwordTooCommon();
            case PASSWORD_BREACHED -> msg.passwordBreached();
            case PASSWORD_CONTAINS_USERNAME -> msg.passwordContainsUsername();
            case LINK_EXPIRED -> msg.linkExpiredTitle();
            case LINK_USED -> msg.linkUsedTitle();
            case LINK_INVALID -> msg.linkInvalidTitle();
            case LINK_OF_ANOTHER_ACCOUNT -> msg.linkOfAnotherAccount();
            case LOGIN_CODE_INVALID -> msg.loginCodeInvalid();
            case SECOND_FACTOR_CODE_INVALID -> msg.secondFactorCodeInvalid();
            case SECOND_FACTOR_PAUSED -> msg.secondFactorPaused();
            case SECOND_FACTOR_ENROLLED -> msg.secondFactorAlreadyOn();
            case LOGIN_FLOW_INVALID -> msg.loginFlowExpired();
            case PASSKEY_INVALID, PASSKEY_UNKNOWN, PASSKEY_CHALLENGE_INVALID, PASSKEY_NOT_FOUND -> msg.passkeyFailed();
            case PASSKEY_LIMIT -> msg.passkeyLimit();
            case OVERLOADED -> msg.busy();
            case UNAVAILABLE -> msg.temporarilyUnavailable();
            default -> msg.somethingWentWrong();
        };
    }

    /**
     * The status the portal answers with: the resident's mistake stays a 4xx, our trouble a 5xx, and
     * identity-service not answering a 503.
     */
    public static int status(Throwable failure) {
        return failure instanceof IdentityProblem problem ? problem.status() : 503;
    }

    public static boolean is(Throwable failure, ProblemType type) {
        return failure instanceof IdentityProblem problem && problem.is(type);
    }

    public static boolean isLinkProblem(Throwable failure) {
        return failure instanceof IdentityProblem problem && problem.type() != null && problem.type().isLinkProblem();
    }
}
