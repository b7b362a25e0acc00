package fi.city.login.identity.link;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.token.HashedToken;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A link mailed to a resident: single use, with an expiry, and only the SHA-256 of its token stored.
 * Opening it does not spend it (mail scanners follow links); the step it leads to does. Its life:
 * open → spent, revoked (a newer link of its action, or the account's credentials changed) or expired.
 */
@Entity
@Table(name = "emailed_link")
public class EmailedLink extends HashedToken {

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    @Enumerated(EnumType.STRING)
    public LinkKind kind;

    @Enumerated(EnumType.STRING)
    public LinkKind.Action action;

    /** The new address an email-change link confirms; null for the kinds that carry none. */
    @Column(name = "new_email")
    public String newEmail;

    @Column(name = "new_email_normalized")
    public String newEmailNormalized;

    @Column(name = "spent_at")
    public Instant spentAt;

    /** Tries of a typed code; a followed link has none. */
    public int attempts;

    public Status status(Instant now) {
        if (spentAt != null) {
            return Status.SPENT;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.OPEN : Status.EXPIRED;
    }

    public enum Status {
        OPEN, SPENT, REVOKED, EXPIRED
    }
}
