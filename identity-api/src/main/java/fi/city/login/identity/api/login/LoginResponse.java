package fi.city.login.identity.api.login;

import fi.city.login.identity.api.account.AccountView;

import java.time.Instant;

/**
 * A started session: the raw session token is for the portal's session cookie, the device token for its
 * device cookie (the browser is now known to the account); only their hashes are stored.
 */
public record LoginResponse(String sessionToken, Instant sessionExpiresAt, boolean persistent,
                            String accessToken, String tokenType, Instant accessTokenExpiresAt,
                            AccountView account, String deviceToken) {
    @Override
    public String toString() {
        return "LoginResponse[" + account.id() + "]";
    }
}
