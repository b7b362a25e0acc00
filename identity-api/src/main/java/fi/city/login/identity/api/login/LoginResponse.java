package fi.city.login.identity.api.login;

import fi.city.login.identity.api.account.AccountView;

import java.time.Instant;

/** A started session: the raw session token is for the portal's cookie; only its hash is stored. */
public record LoginResponse(String sessionToken, Instant sessionExpiresAt, boolean persistent,
                            String accessToken, String tokenType, Instant accessTokenExpiresAt,
                            AccountView account) {
    @Override
    public String toString() {
        return "LoginResponse[" + account.id() + "]";
    }
}
