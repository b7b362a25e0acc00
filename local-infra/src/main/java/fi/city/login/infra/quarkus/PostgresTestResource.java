package fi.city.login.infra.quarkus;

import fi.city.login.infra.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a real PostgreSQL for a {@code @QuarkusTest} and points both the reactive and the JDBC
 * (Flyway) data source at it. Init arg {@code database} names the service's database.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "app";
    private EmbeddedPostgresServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        server = EmbeddedPostgresServer.start(database);
        return Map.of(
                "quarkus.datasource.reactive.url", server.reactiveUrl(database),
                "quarkus.datasource.jdbc.url", server.jdbcUrl(database),
                "quarkus.datasource.username", EmbeddedPostgresServer.USER,
                "quarkus.datasource.password", EmbeddedPostgresServer.PASSWORD);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectPostgresServer.class, EmbeddedPostgresServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
