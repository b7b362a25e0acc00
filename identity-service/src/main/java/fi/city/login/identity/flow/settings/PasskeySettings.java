package fi.city.login.identity.flow.settings;

import fi.city.login.identity.api.settings.PasskeyView;
import fi.city.login.identity.audit.AuditKind;
import fi.city.login.identity.audit.AuditTrail;
import fi.city.login.identity.passkey.Passkey;
import fi.city.login.identity.passkey.Passkeys;
import fi.city.login.identity.session.Sessions;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Passkeys in the account's settings: listed with their last use; one added after the password again (and
 * the second factor's code, when the account has one), named by the resident; one removed the same way.
 */
@ApplicationScoped
public class PasskeySettings {

    private final Sessions sessions;
    private final Passkeys passkeys;
    private final ReauthenticatedChange reauthenticated;
    private final AuditTrail audit;

    public PasskeySettings(Sessions sessions, Passkeys passkeys, ReauthenticatedChange reauthenticated, AuditTrail audit) {
        this.sessions = sessions;
        this.passkeys = passkeys;
        this.reauthenticated = reauthenticated;
        this.audit = audit;
    }

    public Uni<List<PasskeyView>> list(String sessionToken) {
        return Panache.withSession(() -> sessions.current(sessionToken)
                .flatMap(session -> passkeys.of(session.account.id))
                .map(all -> all.stream().map(PasskeySettings::view).toList()));
    }

    /** The options of a registration; its challenge is the account's for a few minutes, and used once. */
    public Uni<String> registrationOptions(String sessionToken, String currentPassword, String code) {
        return reauthenticated.run(sessionToken, currentPassword, code,
                session -> passkeys.registrationOptions(session.account, Instant.now()));
    }

    public Uni<PasskeyView> register(String sessionToken, String name, String response) {
        return Panache.withTransaction(() -> sessions.current(sessionToken).flatMap(session ->
                passkeys.register(session.account, response, name.strip(), Instant.now())
                        .call(passkey -> audit.record(AuditKind.PASSKEY_ADDED, session.account.id, session.clientAddress,
                                passkey.name))))
                .map(PasskeySettings::view);
    }

    public Uni<Void> remove(String sessionToken, UUID passkeyId, String currentPassword, String code) {
        return reauthenticated.run(sessionToken, currentPassword, code, session -> passkeys.remove(session.account.id, passkeyId)
                .call(removed -> audit.record(AuditKind.PASSKEY_REMOVED, session.account.id, session.clientAddress,
                        passkeyId.toString())));
    }

    private static PasskeyView view(Passkey passkey) {
        return new PasskeyView(passkey.id, passkey.name, passkey.createdAt, passkey.lastUsedAt, passkey.backupEligible);
    }
}
