package fi.city.login.identity.outbox;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The LISTEN connection takes the pool's TLS settings, as the prod overlay sets them. */
class ListenConnectionTest {

    @Test
    void theProductionOverlaysTlsReachesTheListenConnection() {
        PgConnectOptions options = ListenConnection.options(config(Map.of(
                "quarkus.datasource.reactive.url", "vertx-reactive:postgresql://postgres:5432/citylogin",
                "quarkus.datasource.username", "identity_app",
                "quarkus.datasource.password", "salainen",
                "quarkus.datasource.reactive.postgresql.ssl-mode", "verify-full",
                "quarkus.datasource.reactive.trust-certificate-pem", "true",
                "quarkus.datasource.reactive.trust-certificate-pem.certs", "/etc/database-ca/ca.crt",
                "quarkus.datasource.reactive.hostname-verification-algorithm", "HTTPS")));
        assertEquals("postgres", options.getHost());
        assertEquals("citylogin", options.getDatabase());
        assertEquals("identity_app", options.getUser());
        assertEquals(SslMode.VERIFY_FULL, options.getSslMode());
        assertEquals(List.of("/etc/database-ca/ca.crt"), ((PemTrustOptions) options.getTrustOptions()).getCertPaths());
        assertEquals("HTTPS", options.getHostnameVerificationAlgorithm());
    }

    @Test
    void withoutTlsSettingsTheUrlAndCredentialsAreAll() {
        PgConnectOptions options = ListenConnection.options(config(Map.of(
                "quarkus.datasource.reactive.url", "postgresql://localhost:5432/citylogin")));
        assertEquals(SslMode.DISABLE, options.getSslMode());
        assertNull(options.getTrustOptions());
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 500)).build();
    }
}
