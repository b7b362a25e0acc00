package fi.city.login.identity.rest;

import fi.city.login.identity.domain.Account;
import fi.city.login.identity.domain.AccountState;

import java.util.List;
import java.util.UUID;

/** What the API tells about an account. Never the password hash. */
public record AccountView(UUID id, String email, String displayName, String locale, AccountState state,
                          List<String> legacyUsernames) {

    public static AccountView of(Account account) {
        return new AccountView(account.id, account.email, account.displayName, account.locale, account.state,
                account.legacyUsernameList());
    }
}
