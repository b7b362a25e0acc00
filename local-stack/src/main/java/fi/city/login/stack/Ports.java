package fi.city.login.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

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

    /**
     * A port that is free now, below the kernel's ephemeral range. A port the kernel hands out for port 0 can be
     * handed out again, as the local end of any outbound connection (to PostgreSQL, Kafka) or to another server
     * asking for port 0, before the service that was promised it binds it: that raced once in CI ("port in use").
     * Below the range only someone asking for that very port can take it. Never the same port twice per JVM.
     */
    private static int freePort() {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.add(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(candidate));
                return candidate;
            } catch (IOException taken) {
                // someone holds it: try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port in " + LOWEST + ".." + below));
    }

    private static final int LOWEST = 20000;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    /** Linux's net.ipv4.ip_local_port_range starts at 32768 by default; elsewhere, assume that. */
    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).strip();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : 32768;
        } catch (IOException | RuntimeException notLinux) {
            return 32768;
        }
    }
}
