package fi.city.login.stack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The one local stack that this module's test classes share (those with
 * {@code @ExtendWith(SuiteUnderTest.class)}), on free ports: started before the first of them, stopped
 * when JUnit closes its root store at the end of the run. Every line the services print goes to
 * {@link #LOG}.
 */
final class SuiteUnderTest implements BeforeAllCallback {

    static final Path LOG = Path.of("target", "local-stack.log");

    private static volatile LocalStack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(SuiteUnderTest.class, key -> new Running(start()), Running.class);
    }

    static LocalStack stack() {
        if (stack == null) {
            throw new IllegalStateException("the test class needs @ExtendWith(SuiteUnderTest.class)");
        }
        return stack;
    }

    private static LocalStack start() {
        try {
            Files.createDirectories(LOG.getParent());
            PrintStream log = new PrintStream(new FileOutputStream(LOG.toFile()), true, StandardCharsets.UTF_8);
            Map<String, String> env = new HashMap<>(System.getenv());
            // Every test here comes from one client address: the caps per client address would stop the
            // journey after the fuzz test. They are tested in identity-service.
            env.putIfAbsent("IDENTITY_BRUTE_FORCE_EMAIL_REQUESTS_PER_ADDRESS", "1000000");
            env.putIfAbsent("IDENTITY_BRUTE_FORCE_ADDRESS_MAX_FAILURES", "1000000");
            stack = LocalStack.start(LocalStack.findRoot(), Ports.free(), env, log);
            return stack;
        } catch (Exception e) {
            throw new IllegalStateException("the local stack did not start; see " + LOG, e);
        }
    }

    /** Closed by JUnit with the root store: an AutoCloseable value is closed when its store is. */
    private record Running(LocalStack started) implements AutoCloseable {
        @Override
        public void close() {
            started.close();
            stack = null;
        }
    }
}
