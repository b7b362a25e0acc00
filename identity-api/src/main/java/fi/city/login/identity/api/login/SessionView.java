package fi.city.login.identity.api.login;

import fi.city.login.identity.api.account.AccountView;

import java.time.Instant;

/** The live session a session token names, and whose it is. */
public record SessionView(AccountView account, boolean persistent, Instant expiresAt) {
}
