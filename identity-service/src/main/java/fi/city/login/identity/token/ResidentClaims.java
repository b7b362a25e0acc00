package fi.city.login.identity.token;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The claims about a resident that a scope releases to an e-service, in ID tokens and at userinfo.
 * {@code legacy_usernames} (with {@code profile}) are the old system's usernames, so that an e-service
 * that kept its records under them finds the resident's history.
 */
public final class ResidentClaims {

    public static final String LEGACY_USERNAMES = "legacy_usernames";

    private ResidentClaims() {
    }

    public static Map<String, Object> of(Account account, List<String> scopes) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", account.id.toString());
        if (scopes.contains(Scopes.EMAIL)) {
            claims.put("email", account.email);
            // An account logs in only after a link sent to this address was followed.
            claims.put("email_verified", account.state == AccountState.ACTIVE);
        }
        if (scopes.contains(Scopes.PROFILE)) {
            claims.put("name", account.displayName);
            claims.put("locale", account.locale);
            claims.put(LEGACY_USERNAMES, account.legacyUsernameList());
        }
        return claims;
    }
}
