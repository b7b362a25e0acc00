package fi.city.login.identity.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A resident's account. Its {@link #id} is the stable key that other city systems keep. */
@Entity
@Table(name = "account")
public class Account extends PanacheEntityBase {

    @Id
    public UUID id;

    /** As the resident typed it (trimmed). */
    public String email;

    /** The unique key: see {@link EmailAddress#normalize}. */
    @Column(name = "email_normalized")
    public String emailNormalized;

    @Column(name = "display_name")
    public String displayName;

    /** fi, sv or en: the language of emails and pages. */
    public String locale;

    @Enumerated(EnumType.STRING)
    public AccountState state;

    /** Argon2id in PHC format; null until the first password is set. */
    @Column(name = "password_hash")
    public String passwordHash;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    /** Consecutive failed logins since the last success; see {@code BruteForceGuard}. */
    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "login_blocked_until")
    public Instant loginBlockedUntil;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @OneToMany(mappedBy = "account")
    public List<LegacyUsername> legacyUsernames = new ArrayList<>();

    /** A new account that has no password yet: it gets one through an emailed link. */
    public static Account pending(EmailAddress email, String displayName, String locale, Instant now) {
        Account account = new Account();
        account.id = UUID.randomUUID();
        account.email = email.display();
        account.emailNormalized = email.normalized();
        account.displayName = displayName;
        account.locale = locale;
        account.state = AccountState.PENDING_FIRST_PASSWORD;
        account.createdAt = now;
        account.updatedAt = now;
        return account;
    }

    /** The account and its legacy usernames in one query: login needs both for the token. */
    public static Uni<Account> findByEmail(EmailAddress email) {
        return Account.<Account>find("from Account a left join fetch a.legacyUsernames where a.emailNormalized = ?1",
                email.normalized()).list().map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The account with this id and its legacy usernames, in one query, or null. */
    public static Uni<Account> findWithLegacyUsernames(UUID id) {
        return Account.<Account>find("from Account a left join fetch a.legacyUsernames where a.id = ?1", id).list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The account the old system knew by this username (compared as the old system did), with all its legacy usernames. */
    public static Uni<Account> findByLegacyUsername(String username) {
        return Account.<Account>find("select a from LegacyUsername l join l.account a left join fetch a.legacyUsernames "
                + "where l.usernameNormalized = ?1", LegacyUsername.normalize(username)).list()
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The address with most of its local part hidden: see {@link EmailAddress#masked}. Shown to whoever types the legacy username. */
    public String maskedEmail() {
        return EmailAddress.masked(email);
    }

    /** The failure of a write that the unique key on the address refused: another account has it. */
    public static boolean isAddressTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PersistenceException && String.valueOf(cause.getMessage()).contains("email_normalized")) {
                return true;
            }
        }
        return false;
    }

    public List<String> legacyUsernameList() {
        return legacyUsernames.stream().map(legacy -> legacy.username).sorted().toList();
    }
}
