package fi.city.login.identity.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.util.Locale;

/** A username from the old login system; records in other city systems may still be keyed by it. */
@Entity
@Table(name = "legacy_username")
public class LegacyUsername extends PanacheEntityBase {

    /** Lower-cased and trimmed: the old system compared usernames case-insensitively. */
    @Id
    @Column(name = "username_normalized")
    public String usernameNormalized;

    public String username;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    public Account account;

    public static LegacyUsername of(String username, Account account) {
        LegacyUsername legacy = new LegacyUsername();
        legacy.username = username.strip();
        legacy.usernameNormalized = normalize(username);
        legacy.account = account;
        return legacy;
    }

    /**
     * Whether what a resident typed as their username is an old system's username rather than an email
     * address: no {@code @}, no control characters, not blank.
     */
    public static boolean isTyped(String typed) {
        return typed != null && !typed.isBlank() && typed.length() <= 320 && typed.indexOf('@') < 0
                && typed.codePoints().noneMatch(Character::isISOControl);
    }

    public static String normalize(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }
}
