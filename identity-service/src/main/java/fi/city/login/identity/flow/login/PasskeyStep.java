package fi.city.login.identity.flow.login;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.bruteforce.KnownDevices;
import fi.city.login.identity.credential.PasswordHasher.Verification;
import fi.city.login.identity.passkey.Passkeys;
import fi.city.login.identity.problem.Refusal;
import fi.city.login.identity.session.AuthenticationMethods;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/**
 * A login with a passkey, without typing anything: the options (a challenge, no allow list), then the
 * browser's answer names the account. No password is checked, so no brute-force pause applies: a stranger's
 * guesses at the password never keep the passkey's owner out. The challenge is spent by one conditional
 * update before the session starts, so of parallel answers to it one logs in.
 */
@ApplicationScoped
public class PasskeyStep {

    private final Passkeys passkeys;
    private final KnownDevices knownDevices;
    private final PasswordStep passwordStep;

    public PasskeyStep(Passkeys passkeys, KnownDevices knownDevices, PasswordStep passwordStep) {
        this.passkeys = passkeys;
        this.knownDevices = knownDevices;
        this.passwordStep = passwordStep;
    }

    public Uni<String> options() {
        return Panache.withTransaction(() -> passkeys.authenticationOptions(Instant.now()));
    }

    public Uni<PasswordStep.Result> logIn(String response, boolean rememberMe, String clientAddress, String previousSession,
                                         String deviceToken, String browser) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> passkeys.authenticate(response, now)
                        .flatMap(verified -> Account.findWithLegacyUsernames(verified.passkey().accountId)
                                .flatMap(account -> account == null || account.state != AccountState.ACTIVE
                                        ? Refusal.<Pending>as(account == null ? ProblemType.PASSKEY_UNKNOWN : ProblemType.ACCOUNT_DISABLED)
                                        : knownDevices.find(deviceToken, account)
                                        .map(device -> new Pending(new PasswordStep.Attempt(account, device, false), verified.synced())))))
                .flatMap(pending -> passwordStep.startSession(pending.attempt(), null, Verification.MATCHED, rememberMe,
                        clientAddress, previousSession, deviceToken, browser, AuthenticationMethods.passkey(pending.synced()),
                        () -> Uni.createFrom().voidItem()));
    }

    private record Pending(PasswordStep.Attempt attempt, boolean synced) {
    }
}
