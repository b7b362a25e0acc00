package fi.city.login.identity.flow.lookup;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.audit.AuditEvent;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.problem.Refusal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * The lookup flow: other city systems find the account behind the records they keep, by its stable id,
 * its email, or a username from the old login system.
 */
@ApplicationScoped
public class AccountLookup {

    private final AuditTrail audit;

    public AccountLookup(AuditTrail audit) {
        this.audit = audit;
    }

    /** The account's latest audit events, newest first; refused like a lookup when there is no such account. */
    public Uni<List<AuditEvent>> activity(UUID id) {
        return byId(id).flatMap(account -> Panache.withSession(() -> audit.recent(id)));
    }

    public Uni<Account> byId(UUID id) {
        return found(Panache.withSession(() -> Account.<Account>find(
                "from Account a left join fetch a.legacyUsernames where a.id = ?1", id).list().map(AccountLookup::first)));
    }

    public Uni<Account> byEmail(String email) {
        return found(Panache.withSession(() -> Account.findByEmail(EmailAddress.parse(email))));
    }

    public Uni<Account> byLegacyUsername(String username) {
        return found(Panache.withSession(() -> Account.findByLegacyUsername(username)));
    }

    /** A fetch join of a collection cannot be paged in SQL: read the list, take its one account. */
    private static Account first(java.util.List<Account> found) {
        return found.isEmpty() ? null : found.get(0);
    }

    private static Uni<Account> found(Uni<Account> lookup) {
        return lookup.onItem().ifNull().failWith(() -> new Refusal(ProblemType.ACCOUNT_NOT_FOUND));
    }
}
