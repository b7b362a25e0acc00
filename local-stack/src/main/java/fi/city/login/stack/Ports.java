package fi.city.login.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Where the local stack listens. The defaults are the ones in the README; tests take free ports. Each
 * service also has a management port (health, metrics), apart from its public one.
 */
public record Ports(int portal, int identity, int notification, int mailbox, int smtp,
                    int portalManagement, int identityManagement, int notificationManagement,
                    int example, int exampleManagement) {

    /**
     * 8080, 8081, 8082, 8025, 2525 and the management ports 9000, 9001, 9002, and the sample e-service's
     * 8083 and 9003, each overridable by an environment variable of the same name.
     */
    public static Ports fromEnvironment(Map<String, String> env) {
        return new Ports(port(env, "PORTAL_PORT", 8080), port(env, "IDENTITY_PORT", 8081),
                port(env, "NOTIFICATION_PORT", 8082), port(env, "MAILBOX_PORT", 8025), port(env, "SMTP_PORT", 2525),
                port(env, "PORTAL_MANAGEMENT_PORT", 9000), port(env, "IDENTITY_MANAGEMENT_PORT", 9001),
                port(env, "NOTIFICATION_MANAGEMENT_PORT", 9002), port(env, "EXAMPLE_PORT", 8083),
                port(env, "EXAMPLE_MANAGEMENT_PORT", 9003));
    }

    public static Ports free() {
        return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
