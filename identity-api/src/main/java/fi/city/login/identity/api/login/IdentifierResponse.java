package fi.city.login.identity.api.login;

/**
 * What comes after the identifier step.
 *
 * @param maskedEmail with {@link NextStep#USERNAME_IS_EMAIL} and {@link NextStep#USERNAME_IS_EMAIL_LINK_SENT}:
 *                    the account's address with most of it hidden ({@code e***i@example.com}); else null
 */
public record IdentifierResponse(NextStep next, String maskedEmail) {

    public IdentifierResponse(NextStep next) {
        this(next, null);
    }

    public enum NextStep {
        /** Ask for the password. */
        PASSWORD,
        /** A first-password link went to the address; tell the resident to read their email. */
        LINK_SENT,
        /** No account has this address: guide the resident to try another, register, or call support. */
        NOT_RECOGNISED,
        /**
         * With unknown addresses hidden, every address gets this answer: ask for the password, and say that
         * a resident whose account was carried over and has no password yet has been sent a link (which
         * happened if, and only if, that is so).
         */
        PASSWORD_OR_LINK_SENT,
        /** A legacy username of an account with a password: the username is now this address; log in with it. */
        USERNAME_IS_EMAIL,
        /** A legacy username of an account without a password yet: the username is now this address, and its link went there. */
        USERNAME_IS_EMAIL_LINK_SENT,
        /**
         * With unknown usernames hidden, every name that is not an email address gets this answer: usernames
         * are now email addresses, and if the name was an old username of an account without a password, a
         * link went to its address (which happened if, and only if, that is so).
         */
        USERNAME_IS_EMAIL_OR_LINK_SENT
    }
}
