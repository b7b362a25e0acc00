package fi.city.login.identity.secondfactor;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The second factor: an authenticator app (TOTP) with ten recovery codes. Every promise is kept by
 * PostgreSQL, not by a read in Java: one app per account (its primary key), a code used once (a conditional
 * raise of the last used step, or of a recovery code's used_at), and guesses few (a conditional count,
 * reserved and committed before the code is compared, so parallel guesses cannot try more).
 */
@ApplicationScoped
public class SecondFactors {

    private final SecondFactorConfig config;

    public SecondFactors(SecondFactorConfig config) {
        this.config = config;
    }

    /** What an authenticator app needs: the key URI for its QR code, and the secret to type instead. */
    public record Enrolment(String keyUri, String typeableSecret) {
    }

    /** Whether the account has a confirmed authenticator app; in the caller's transaction. */
    public Uni<Boolean> enrolled(UUID accountId) {
        return TotpCredential.count("accountId = ?1 and confirmedAt is not null", accountId).map(n -> n > 0);
    }

    public Uni<SecondFactorStatus> status(UUID accountId) {
        return TotpCredential.<TotpCredential>findById(accountId).flatMap(app -> app == null || !app.confirmed()
                ? Uni.createFrom().item(SecondFactorStatus.NONE)
                : RecoveryCode.count("accountId = ?1 and usedAt is null", accountId)
                .map(left -> new SecondFactorStatus(true, app.confirmedAt, app.lastUsedAt, left.intValue())));
    }

    /**
     * A new secret, unconfirmed until {@link #confirm}: a second enrolment replaces an unconfirmed one, and
     * is refused while a confirmed app exists (one upsert, so parallel enrolments cannot make two).
     */
    public Uni<Enrolment> startEnrolment(Account account, Instant now) {
        byte[] secret = Totp.newSecret();
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        insert into {h-schema}totp_credential (account_id, secret, created_at) values (:account, :secret, :now)
                        on conflict (account_id) do update set secret = excluded.secret, created_at = excluded.created_at,
                            failures = 0, paused_until = null, last_used_step = null
                        where totp_credential.confirmed_at is null""")
                        .setParameter("account", account.id).setParameter("secret", secret).setParameter("now", now)
                        .executeUpdate())
                .flatMap(written -> written == 1
                        ? Uni.createFrom().item(new Enrolment(Totp.keyUri(secret, config.issuerName(), account.email),
                        Totp.typeable(secret)))
                        : Refusal.as(ProblemType.SECOND_FACTOR_ENROLLED));
    }

    /**
     * The resident typed a code the app shows: the app is a factor now, and its ten recovery codes are made
     * (answered in plain text this once). The code is spent, as any other.
     */
    public Uni<List<String>> confirm(UUID accountId, String typed, Instant now) {
        return TotpCredential.<TotpCredential>findById(accountId).flatMap(app -> {
            if (app == null || app.confirmed()) {
                return Refusal.as(ProblemType.SECOND_FACTOR_NOT_ENROLLED);
            }
            OptionalLong step = Totp.matchingStep(app.secret, typed, now, config.drift());
            if (step.isEmpty()) {
                return Refusal.as(ProblemType.SECOND_FACTOR_CODE_INVALID);
            }
            return TotpCredential.update("confirmedAt = ?1, lastUsedStep = ?2, lastUsedAt = ?1 where accountId = ?3 "
                            + "and confirmedAt is null", now, step.getAsLong(), accountId)
                    .flatMap(confirmed -> confirmed == 1 ? newRecoveryCodes(accountId, now)
                            : Refusal.as(ProblemType.SECOND_FACTOR_NOT_ENROLLED));
        });
    }

    /** Ten fresh recovery codes; the old ones stop working. */
    public Uni<List<String>> newRecoveryCodes(UUID accountId, Instant now) {
        List<String> codes = new ArrayList<>();
        List<RecoveryCode> rows = new ArrayList<>();
        for (int i = 0; i < config.recoveryCodes(); i++) {
            String code = RecoveryCodes.generate();
            codes.add(code);
            RecoveryCode row = new RecoveryCode();
            row.id = UUID.randomUUID();
            row.accountId = accountId;
            row.codeHash = RecoveryCodes.hash(code);
            row.createdAt = now;
            rows.add(row);
        }
        return RecoveryCode.delete("accountId", accountId)
                .flatMap(deleted -> RecoveryCode.persist(rows))
                .replaceWith(codes);
    }

    /** Removes the app and its recovery codes; refused when there is none. */
    public Uni<Void> remove(UUID accountId) {
        return RecoveryCode.delete("accountId", accountId)
                .flatMap(codes -> TotpCredential.delete("accountId = ?1 and confirmedAt is not null", accountId))
                .flatMap(removed -> removed > 0 ? Uni.createFrom().voidItem()
                        : Refusal.as(ProblemType.SECOND_FACTOR_NOT_ENROLLED));
    }

    /**
     * Counts one guess, in the caller's transaction, which must commit before the code is compared
     * ({@link #check}): refused while paused. Reaching the limit starts the pause; a right code starts the
     * count again.
     */
    public Uni<Void> reserveGuess(UUID accountId, Instant now) {
        return TotpCredential.update("""
                        failures = failures + 1,
                        pausedUntil = case when failures + 1 >= ?2 then ?3 else pausedUntil end
                        where accountId = ?1 and confirmedAt is not null and (pausedUntil is null or pausedUntil <= ?4)""",
                accountId, config.maxFailures(), now.plus(config.pause()), now)
                .flatMap(reserved -> reserved == 1 ? Uni.createFrom().voidItem()
                        : enrolled(accountId).flatMap(enrolled -> Refusal.as(enrolled
                        ? ProblemType.SECOND_FACTOR_PAUSED : ProblemType.SECOND_FACTOR_NOT_ENROLLED)));
    }

    /**
     * Spends the typed code, a six-digit code of the app or a recovery code, in the caller's transaction;
     * refused when wrong or used. Call after {@link #reserveGuess}.
     */
    public Uni<Method> check(UUID accountId, String typed, Instant now) {
        if (RecoveryCodes.looksLikeOne(typed)) {
            return RecoveryCode.update("usedAt = ?1 where accountId = ?2 and codeHash = ?3 and usedAt is null",
                            now, accountId, RecoveryCodes.hash(typed))
                    .flatMap(spent -> spent == 1 ? forgiveGuesses(accountId).replaceWith(Method.RECOVERY_CODE)
                            : Refusal.as(ProblemType.SECOND_FACTOR_CODE_INVALID));
        }
        return TotpCredential.<TotpCredential>findById(accountId).flatMap(app -> {
            OptionalLong step = app == null || !app.confirmed() ? OptionalLong.empty()
                    : Totp.matchingStep(app.secret, typed, now, config.drift());
            if (step.isEmpty()) {
                return Refusal.as(ProblemType.SECOND_FACTOR_CODE_INVALID);
            }
            return TotpCredential.update("lastUsedStep = ?1, lastUsedAt = ?2, failures = 0, pausedUntil = null where accountId = ?3 "
                            + "and (lastUsedStep is null or lastUsedStep < ?1)", step.getAsLong(), now, accountId)
                    .flatMap(spent -> spent == 1 ? Uni.createFrom().item(Method.AUTHENTICATOR_APP)
                            : Refusal.as(ProblemType.SECOND_FACTOR_CODE_INVALID));
        });
    }

    private Uni<Void> forgiveGuesses(UUID accountId) {
        return TotpCredential.update("failures = 0, pausedUntil = null where accountId = ?1", accountId).replaceWithVoid();
    }

    /** Which second factor was given: both are "otp" in an ID token's amr (RFC 8176). */
    public enum Method {
        AUTHENTICATOR_APP, RECOVERY_CODE
    }
}
