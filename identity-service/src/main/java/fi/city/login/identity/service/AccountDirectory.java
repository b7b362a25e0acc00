package fi.city.login.identity.service;

import fi.city.login.identity.domain.Account;
import fi.city.login.identity.domain.EmailAddress;
import fi.city.login.identity.domain.LegacyUsername;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * Lets other city systems find the account behind the records they keep: by its stable id, its email,
 * or a username from the old login system.
 */
@ApplicationScoped
public class AccountDirectory {

    public Uni<Account> byId(UUID id) {
        return found(Panache.withSession(() -> Account.<Account>find(
                "from Account a left join fetch a.legacyUsernames where a.id = ?1", id).list()
                .map(list -> list.isEmpty() ? null : list.get(0))));
    }

    public Uni<Account> byEmail(String email) {
        return found(Panache.withSession(() -> Account.findByEmail(EmailAddress.parse(email))));
    }

    public Uni<Account> byLegacyUsername(String username) {
        return found(Panache.withSession(() -> Account.<Account>find(
                "select a from LegacyUsername l join l.account a left join fetch a.legacyUsernames "
                        + "where l.usernameNormalized = ?1", LegacyUsername.normalize(username)).list()
                .map(list -> list.isEmpty() ? null : list.get(0))));
    }

    private static Uni<Account> found(Uni<Account> lookup) {
        return lookup.onItem().ifNull().failWith(FlowError.ACCOUNT_NOT_FOUND::exception);
    }
}
