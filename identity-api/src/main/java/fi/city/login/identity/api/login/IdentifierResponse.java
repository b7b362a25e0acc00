package fi.city.login.identity.api.login;

/** What comes after the identifier step. */
public record IdentifierResponse(NextStep next) {

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
        PASSWORD_OR_LINK_SENT
    }
}
