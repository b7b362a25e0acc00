package fi.city.login.identity.api.login;

import fi.city.login.identity.api.account.AccountView;

import java.time.Instant;

/**
 * What a login step led to, named by {@code next}. {@code SESSION}: a started session; the raw session token
 * is for the portal's session cookie, the device token for its device cookie (the browser is now known to
 * the account); only their hashes are stored. Any other step: the login waits there, and only
 * {@code flowToken} (for the portal's login-flow cookie) and {@code flowExpiresAt} are set.
 */
public record LoginResponse(Next next, String flowToken, Instant flowExpiresAt,
                            String sessionToken, Instant sessionExpiresAt, boolean persistent,
                            String accessToken, String tokenType, Instant accessTokenExpiresAt,
                            AccountView account, String deviceToken) {

    /** Where the login goes on. */
    public enum Next {
        SESSION,
        /** A code of the account's authenticator app, or a recovery code: {@code /login/second-factor}. */
        SECOND_FACTOR
    }

    @Override
    public String toString() {
        return "LoginResponse[" + next + (account == null ? "" : ", " + account.id()) + "]";
    }
}
