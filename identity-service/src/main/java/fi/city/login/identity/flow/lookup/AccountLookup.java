package fi.city.login.identity.flow.lookup;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.audit.AuditEvent;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.problem.Refusal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The lookup flow: other city systems find the account behind the records they keep, by its stable id,
 * its email, or a username from the old login system. Every lookup that finds an account is in the
 * account's audit trail with the client that asked, and so in the resident's own activity list.
 */
@ApplicationScoped
public class AccountLookup {

    private final AuditTrail audit;

    public AccountLookup(AuditTrail audit) {
        this.audit = audit;
    }

    /**
     * The account's latest audit events, newest first; refused like a lookup when there is no such account.
     * The read itself is audited after it, so it is not among what it answers.
     */
    public Uni<List<AuditEvent>> activity(UUID id, String client) {
        return Panache.withTransaction(() -> found(byIdInSession(id)).flatMap(account -> audit.recent(id))
                .call(() -> audit.record(AuditKind.ACTIVITY_READ, id, null, client)));
    }

    public Uni<Account> byId(UUID id, String client) {
        return audited(() -> byIdInSession(id), client, "by id");
    }

    public Uni<Account> byEmail(String email, String client) {
        EmailAddress address = EmailAddress.parse(email);
        return audited(() -> Account.findByEmail(address), client, "by email");
    }

    public Uni<Account> byLegacyUsername(String username, String client) {
        return audited(() -> Account.findByLegacyUsername(username), client, "by legacy username");
    }

    private Uni<Account> audited(Supplier<Uni<Account>> lookup, String client, String how) {
        return Panache.withTransaction(() -> found(lookup.get())
                .call(account -> audit.record(AuditKind.ACCOUNT_LOOKED_UP, account.id, null, client + " " + how)));
    }

    private static Uni<Account> byIdInSession(UUID id) {
        return Account.<Account>find("from Account a left join fetch a.legacyUsernames where a.id = ?1", id).list()
                .map(AccountLookup::first);
    }

    /** A fetch join of a collection cannot be paged in SQL: read the list, take its one account. */
    private static Account first(List<Account> found) {
        return found.isEmpty() ? null : found.get(0);
    }

    private static Uni<Account> found(Uni<Account> lookup) {
        return lookup.onItem().ifNull().failWith(() -> new Refusal(ProblemType.ACCOUNT_NOT_FOUND));
    }
}
