package fi.city.login.identity.support;

import fi.city.login.identity.credential.Argon2Cost;
import fi.city.login.identity.credential.BouncyCastleArgon2Engine;
import fi.city.login.identity.credential.EncodedPasswordHash;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

/** Puts accounts straight into the database, as the bulk import of the old system's users would. */
@ApplicationScoped
public class TestAccounts {

    private final Pool database;

    public TestAccounts(Pool database) {
        this.database = database;
    }

    /** A migrated account with no password yet, under a fresh address. */
    public Migrated migrated(String name, String locale) {
        UUID id = UUID.randomUUID();
        String legacy = "legacy-" + id.toString().substring(0, 8);
        String email = legacy + ".user@Example.com";
        OffsetDateTime now = OffsetDateTime.now();
        database.preparedQuery("INSERT INTO identity.account (id, email, email_normalized, display_name, locale, state, "
                        + "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, 'PENDING_FIRST_PASSWORD', $6, $6)")
                .execute(Tuple.of(id, email, email.toLowerCase(Locale.ROOT), name, locale, now))
                .await().indefinitely();
        database.preparedQuery("INSERT INTO identity.legacy_username (username_normalized, username, account_id) VALUES ($1, $1, $2)")
                .execute(Tuple.of(legacy, id)).await().indefinitely();
        return new Migrated(id, email, legacy);
    }

    /** An active account with the given password, hashed at today's default cost. */
    public Migrated activeWithPassword(String name, String password) {
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        Argon2Cost cost = new Argon2Cost(19456, 2, 1);
        byte[] hash = new BouncyCastleArgon2Engine().hash(password.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                salt, cost, 32);
        return active(name, new EncodedPasswordHash(cost, salt, hash).encode());
    }

    /**
     * {@code count} active accounts with one password, hashed once: a crowd of residents, each with a count
     * of their own, without hashing for each of them.
     */
    public java.util.List<Migrated> activeWithSamePassword(String namePrefix, String password, int count) {
        java.util.List<Migrated> residents = new java.util.ArrayList<>();
        residents.add(activeWithPassword(namePrefix + " 0", password));
        String hash = passwordHash(residents.get(0).id());
        for (int i = 1; i < count; i++) {
            residents.add(active(namePrefix + " " + i, hash));
        }
        return residents;
    }

    /** An active account whose password hash was made elsewhere (e.g. at an older cost). */
    public Migrated active(String name, String passwordHash) {
        Migrated account = migrated(name, "fi");
        database.preparedQuery("UPDATE identity.account SET state = 'ACTIVE', password_hash = $2 WHERE id = $1")
                .execute(Tuple.of(account.id(), passwordHash)).await().indefinitely();
        return account;
    }

    public long countByEmail(String email) {
        return database.preparedQuery("SELECT count(*) AS n FROM identity.account WHERE email_normalized = lower($1)")
                .execute(Tuple.of(email)).await().indefinitely().iterator().next().getLong("n");
    }

    public UUID idByEmail(String email) {
        return database.preparedQuery("SELECT id FROM identity.account WHERE email_normalized = lower($1)")
                .execute(Tuple.of(email)).await().indefinitely().iterator().next().getUUID("id");
    }

    /** The legacy usernames of the account that has this email, sorted. */
    public java.util.List<String> legacyUsernamesOf(String email) {
        java.util.List<String> names = new java.util.ArrayList<>();
        database.preparedQuery("SELECT l.username FROM identity.legacy_username l JOIN identity.account a "
                        + "ON a.id = l.account_id WHERE a.email_normalized = lower($1) ORDER BY l.username")
                .execute(Tuple.of(email)).await().indefinitely().forEach(row -> names.add(row.getString("username")));
        return names;
    }

    /** The account's count of checks from unknown browsers since its last success. */
    public int failedLogins(UUID accountId) {
        return database.preparedQuery("SELECT failed_logins FROM identity.account WHERE id = $1").execute(Tuple.of(accountId))
                .await().indefinitely().iterator().next().getInteger(0);
    }

    public String state(UUID accountId) {
        return database.preparedQuery("SELECT state FROM identity.account WHERE id = $1").execute(Tuple.of(accountId))
                .await().indefinitely().iterator().next().getString("state");
    }

    public String passwordHash(UUID accountId) {
        return database.preparedQuery("SELECT password_hash FROM identity.account WHERE id = $1").execute(Tuple.of(accountId))
                .await().indefinitely().iterator().next().getString("password_hash");
    }

    /** Ages every link of the account, as if the resident opened the email after it expired. */
    public void expireLinks(UUID accountId) {
        database.preparedQuery("UPDATE identity.emailed_link SET expires_at = now() - interval '1 minute', "
                        + "created_at = now() - interval '8 days' WHERE account_id = $1 AND action = 'SET_PASSWORD'")
                .execute(Tuple.of(accountId)).await().indefinitely();
    }

    /** Moves the account's links out of the resend cooldown. */
    public void ageLinksPastCooldown(UUID accountId) {
        ageLinks(accountId, java.time.Duration.ofHours(1));
    }

    /** Time passes for the account's links: each was created {@code by} earlier than it was. */
    public void ageLinks(UUID accountId, java.time.Duration by) {
        database.preparedQuery("UPDATE identity.emailed_link SET created_at = created_at - make_interval(secs => $2) "
                + "WHERE account_id = $1 AND action = 'SET_PASSWORD'").execute(Tuple.of(accountId, (double) by.toSeconds())).await().indefinitely();
    }

    /** The account was created {@code ago}. */
    public void ageAccount(UUID accountId, java.time.Duration ago) {
        database.preparedQuery("UPDATE identity.account SET created_at = now() - make_interval(secs => $2) WHERE id = $1")
                .execute(Tuple.of(accountId, (double) ago.toSeconds())).await().indefinitely();
    }

    /** Links of the account that could still set its password. */
    public long openLinks(UUID accountId) {
        return database.preparedQuery("SELECT count(*) AS n FROM identity.emailed_link WHERE account_id = $1 AND action = 'SET_PASSWORD' "
                        + "AND spent_at IS NULL AND revoked_at IS NULL AND expires_at > now()")
                .execute(Tuple.of(accountId)).await().indefinitely().iterator().next().getLong("n");
    }

    /** Email changes of the account whose link could still change its address. */
    public long openEmailChanges(UUID accountId) {
        return database.preparedQuery("SELECT count(*) AS n FROM identity.emailed_link WHERE account_id = $1 AND action = 'CONFIRM_EMAIL' "
                        + "AND spent_at IS NULL AND revoked_at IS NULL AND expires_at > now()")
                .execute(Tuple.of(accountId)).await().indefinitely().iterator().next().getLong("n");
    }

    /** The account's email-change links have expired. */
    public void expireEmailChanges(UUID accountId) {
        database.preparedQuery("UPDATE identity.emailed_link SET expires_at = now() - interval '1 second' "
                + "WHERE account_id = $1 AND action = 'CONFIRM_EMAIL'").execute(Tuple.of(accountId)).await().indefinitely();
    }

    /** A valid link written straight into the table, past the code that issues links. */
    public void insertUnspentLink(UUID accountId, String kind, String action) {
        boolean confirmsAddress = action.equals("CONFIRM_EMAIL");
        database.preparedQuery("INSERT INTO identity.emailed_link (id, account_id, kind, action, token_hash, new_email, "
                        + "new_email_normalized, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $6, now(), now() + interval '1 hour')")
                .execute(Tuple.of(UUID.randomUUID(), accountId, kind, action, io.vertx.core.buffer.Buffer.buffer(
                        UUID.randomUUID().toString()), confirmsAddress ? "suora-" + UUID.randomUUID() + "@example.com" : null))
                .await().indefinitely();
    }

    /** An administrator closes the account. */
    public void disable(UUID accountId) {
        database.preparedQuery("UPDATE identity.account SET state = 'DISABLED' WHERE id = $1")
                .execute(Tuple.of(accountId)).await().indefinitely();
    }

    /** Time passes for the account's sessions: each was last used {@code by} longer ago than it was. */
    public void ageSessions(UUID accountId, java.time.Duration by) {
        database.preparedQuery("UPDATE identity.session SET last_seen_at = last_seen_at - make_interval(secs => $2) "
                + "WHERE account_id = $1").execute(Tuple.of(accountId, (double) by.toSeconds())).await().indefinitely();
    }

    /** Forgets the brute-force count of a client address (the tests' own, after a test that paused it). */
    public void forgetAddress(String address) {
        database.preparedQuery("DELETE FROM identity.login_address_throttle WHERE address = $1")
                .execute(Tuple.of(address)).await().indefinitely();
    }

    /** Every count of wrong client secrets starts again. */
    public void forgetClientSecretFailures() {
        database.query("DELETE FROM identity.login_address_throttle WHERE address LIKE 'client-secret:%'")
                .execute().await().indefinitely();
    }

    /** The brute-force count of a client address (failed or still unfinished checks in its window). */
    public int addressFailures(String address) {
        var rows = database.preparedQuery("SELECT failures FROM identity.login_address_throttle WHERE address = $1")
                .execute(Tuple.of(address)).await().indefinitely();
        return rows.size() == 0 ? 0 : rows.iterator().next().getInteger(0);
    }

    /** The account's authorization codes have expired. */
    public void expireAuthorizationCodes(UUID accountId) {
        database.preparedQuery("UPDATE identity.authorization_code SET expires_at = now() - interval '1 second' "
                + "WHERE account_id = $1").execute(Tuple.of(accountId)).await().indefinitely();
    }

    /** How many audit events of this kind the account has. */
    public long auditEvents(UUID accountId, String kind) {
        return database.preparedQuery("SELECT count(*) AS n FROM identity.audit_event WHERE account_id = $1 AND kind = $2")
                .execute(Tuple.of(accountId, kind)).await().indefinitely().iterator().next().getLong("n");
    }

    public long rows(String table) {
        return database.query("SELECT count(*) AS n FROM identity." + table).execute().await().indefinitely()
                .iterator().next().getLong("n");
    }

    public record Migrated(UUID id, String email, String legacyUsername) {
    }
}
