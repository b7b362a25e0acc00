package fi.city.login.infra.quarkus;

import fi.city.login.infra.EmbeddedSmtpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a real SMTP server (GreenMail) for a {@code @QuarkusTest}, turns the mailer's mock off and
 * hands the server to test fields annotated {@link InjectSmtpServer}.
 */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedSmtpServer server;

    @Override
    public Map<String, String> start() {
        server = EmbeddedSmtpServer.start(0);
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(server.port()),
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.tls", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectSmtpServer.class, EmbeddedSmtpServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
