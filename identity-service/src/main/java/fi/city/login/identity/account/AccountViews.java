package fi.city.login.identity.account;

import fi.city.login.identity.api.account.AccountView;

/** The API's view of an account. Never the password hash. */
public final class AccountViews {

    private AccountViews() {
    }

    public static AccountView of(Account account) {
        return new AccountView(account.id, account.email, account.displayName, account.locale,
                AccountView.State.valueOf(account.state.name()), account.legacyUsernameList());
    }
}
