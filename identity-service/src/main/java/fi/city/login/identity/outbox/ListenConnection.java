package fi.city.login.identity.outbox;

import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.eclipse.microprofile.config.Config;

import java.util.List;

/**
 * The LISTEN connection's options, from the same datasource settings as the pool's: the URL and
 * credentials, and the TLS that production sets ({@code ssl-mode} verify-full, the CA's PEM, hostname
 * verification). Built from the URL alone it spoke plaintext to a server that wants TLS, or was refused and
 * fell back to polling without a word.
 */
final class ListenConnection {

    private static final String REACTIVE = "quarkus.datasource.reactive.";

    private ListenConnection() {
    }

    static PgConnectOptions options(Config config) {
        PgConnectOptions options = PgConnectOptions.fromUri(
                config.getValue(REACTIVE + "url", String.class).replaceFirst("^vertx-reactive:", ""));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        config.getOptionalValue(REACTIVE + "postgresql.ssl-mode", String.class)
                .ifPresent(mode -> options.setSslMode(SslMode.of(mode)));
        if (config.getOptionalValue(REACTIVE + "trust-all", Boolean.class).orElse(false)) {
            options.setTrustAll(true);
        }
        if (config.getOptionalValue(REACTIVE + "trust-certificate-pem", Boolean.class).orElse(false)) {
            PemTrustOptions trust = new PemTrustOptions();
            config.getOptionalValues(REACTIVE + "trust-certificate-pem.certs", String.class).orElse(List.of())
                    .forEach(trust::addCertPath);
            options.setTrustOptions(trust);
        }
        config.getOptionalValue(REACTIVE + "hostname-verification-algorithm", String.class)
                .filter(algorithm -> !algorithm.equalsIgnoreCase("NONE"))
                .ifPresent(options::setHostnameVerificationAlgorithm);
        return options;
    }
}
