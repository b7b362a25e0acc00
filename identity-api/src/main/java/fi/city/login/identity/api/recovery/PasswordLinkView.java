package fi.city.login.identity.api.recovery;

import java.time.Instant;

/** What the set-password page shows of a usable password link. */
public record PasswordLinkView(String email, String displayName, String locale, Purpose purpose, Instant expiresAt) {

    /** Why the link was sent: the page and the email word themselves after it. */
    public enum Purpose {
        FIRST_LOGIN, FORGOTTEN_PASSWORD, NEW_ACCOUNT
    }
}
