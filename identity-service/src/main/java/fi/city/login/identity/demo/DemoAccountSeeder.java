package fi.city.login.identity.demo;

import fi.city.login.identity.account.Account;
import fi.city.login.identity.account.AccountState;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.account.LegacyUsername;
import com.google.common.io.BaseEncoding;
import fi.city.login.identity.credential.PasswordHasher;
import fi.city.login.identity.secondfactor.TotpCredential;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Locale;

/**
 * Seeds the demo accounts of the local stack, so that a newcomer can walk the journey at once. Off
 * unless {@code identity.demo.enabled}; idempotent, by email.
 */
@ApplicationScoped
public class DemoAccountSeeder {

    private static final Logger LOG = Logger.getLogger(DemoAccountSeeder.class);

    private static final java.util.Set<String> LOCAL_PROFILES = java.util.Set.of("local", "dev", "test");

    private final DemoConfig config;
    private final PasswordHasher hasher;

    public DemoAccountSeeder(DemoConfig config, PasswordHasher hasher) {
        this.config = config;
        this.hasher = hasher;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!config.enabled()) {
            return;
        }
        // Demo accounts with a published password must never reach a real deployment by a stray variable.
        if (ConfigUtils.getProfiles().stream().noneMatch(LOCAL_PROFILES::contains)) {
            throw new IllegalStateException("identity.demo.enabled is only for the local, dev and test profiles, not "
                    + ConfigUtils.getProfiles());
        }
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() ->
                seed("esimerkki.erkki@example.com", "Erkki Esimerkki", "fi", "erkki", null)
                        .flatMap(ignored -> seed("svensson.sven@example.com", "Sven Svensson", "sv", "sven", null))
                        .flatMap(ignored -> seed("virtanen.ville@example.com", "Ville Virtanen", "fi", "ville", null))
                        .flatMap(ignored -> config.activeAccountPassword()
                                .map(password -> hasher.hash(password).flatMap(hash ->
                                        seed("aktiivinen.anna@example.com", "Anna Aktiivinen", "fi", "anna", hash)
                                                .flatMap(seeded -> config.secondFactorSecret()
                                                        .map(secret -> seedWithApp(hash, secret))
                                                        .orElse(Uni.createFrom().voidItem()))))
                                .orElse(Uni.createFrom().voidItem()))));
        LOG.info("Demo accounts are in place");
    }

    /** A resident with an authenticator app already set up, and no recovery codes (the README prints the secret). */
    private Uni<Void> seedWithApp(String passwordHash, String base32Secret) {
        String email = "kaksivaihe.kaisa@example.com";
        return seed(email, "Kaisa Kaksivaihe", "fi", "kaisa", passwordHash)
                .flatMap(ignored -> Account.findByEmail(EmailAddress.parse(email)))
                .flatMap(account -> TotpCredential.<TotpCredential>findById(account.id).flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().voidItem();
                    }
                    TotpCredential app = new TotpCredential();
                    app.accountId = account.id;
                    app.secret = BaseEncoding.base32().omitPadding().decode(base32Secret.replace(" ", "").toUpperCase(Locale.ROOT));
                    app.createdAt = Instant.now();
                    app.confirmedAt = app.createdAt;
                    return app.persist().replaceWithVoid();
                }));
    }

    private Uni<Void> seed(String email, String name, String locale, String legacyUsername, String passwordHash) {
        EmailAddress address = EmailAddress.parse(email);
        return Account.findByEmail(address).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().voidItem();
            }
            Instant now = Instant.now();
            Account account = Account.pending(address, name, locale, now);
            if (passwordHash != null) {
                account.state = AccountState.ACTIVE;
                account.passwordHash = passwordHash;
                account.passwordChangedAt = now;
            }
            return account.persist()
                    .flatMap(saved -> LegacyUsername.of(legacyUsername, account).persist())
                    .replaceWithVoid();
        });
    }
}
