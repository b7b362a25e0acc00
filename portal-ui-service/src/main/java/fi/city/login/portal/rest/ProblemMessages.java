package fi.city.login.portal.rest;

import fi.city.login.portal.client.IdentityProblem;
import fi.city.login.portal.i18n.PortalMessages;
import fi.city.login.portal.session.Page;

/** Turns identity-service's problem types into the resident's language. */
final class ProblemMessages {

    private ProblemMessages() {
    }

    static String of(Throwable failure, Page page) {
        PortalMessages msg = page.messages();
        if (!(failure instanceof IdentityProblem problem)) {
            return msg.somethingWentWrong();
        }
        return switch (problem.slug()) {
            case "invalid-email", "invalid-request" -> msg.invalidEmail();
            case "invalid-name" -> msg.invalidName();
            case "invalid-credentials" -> msg.wrongCredentials();
            case "account-disabled" -> msg.accountDisabled();
            case "too-many-attempts" -> msg.tooManyAttempts();
            case "password-mismatch" -> msg.passwordMismatch();
            case "password-too-short" -> msg.passwordTooShort(page.passwordMinLength());
            case "password-too-long" -> msg.passwordTooLong();
            case "password-too-common" -> msg.passwordTooCommon();
            case "password-contains-username" -> msg.passwordContainsUsername();
            case "link-expired" -> msg.linkExpiredTitle();
            case "link-used" -> msg.linkUsedTitle();
            case "link-invalid" -> msg.linkInvalidTitle();
            case "overloaded" -> msg.busy();
            default -> msg.somethingWentWrong();
        };
    }

    /** The status the portal answers with: the resident's mistake stays a 4xx, our trouble a 5xx. */
    static int status(Throwable failure) {
        return failure instanceof IdentityProblem problem ? problem.status() : 502;
    }

    static boolean isWrongPassword(Throwable failure) {
        return failure instanceof IdentityProblem problem && problem.slug().equals("invalid-credentials");
    }

    static boolean isLinkProblem(Throwable failure) {
        return failure instanceof IdentityProblem problem && problem.slug().startsWith("link-");
    }
}
