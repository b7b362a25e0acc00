package fi.city.login.identity.bruteforce;

import fi.city.login.identity.account.Account;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A browser that has logged in to the account before: it holds a device cookie whose token only this
 * row's hash matches. Its failed logins are counted here, apart from the account's count for unknown
 * browsers, so that a stranger's guesses never pause the owner's own browser.
 */
@Entity
@Table(name = "known_device")
public class KnownDevice extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "failed_logins")
    public int failedLogins;

    @Column(name = "login_blocked_until")
    public Instant loginBlockedUntil;
}
