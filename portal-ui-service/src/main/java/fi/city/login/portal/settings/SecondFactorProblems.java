package fi.city.login.portal.settings;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.portal.page.ProblemMessages;

/** Which refusals are about the second factor's code, so that its field gets the error and the focus. */
final class SecondFactorProblems {

    private SecondFactorProblems() {
    }

    static boolean isAbout(Throwable failure) {
        return ProblemMessages.is(failure, ProblemType.SECOND_FACTOR_CODE_INVALID)
                || ProblemMessages.is(failure, ProblemType.SECOND_FACTOR_PAUSED);
    }
}
