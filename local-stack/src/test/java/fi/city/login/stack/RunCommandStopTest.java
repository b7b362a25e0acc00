package fi.city.login.stack;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run command's JVM ({@link LocalStack#main}) stopped as Ctrl-C or a terminal closing stops it: its
 * shutdown hook stops every service and server it started before the JVM ends. The embedded Kafka broker
 * used to halt that JVM at once (status 1) when its log directories were deleted under it, which left the
 * services running and their class-data recordings unkept.
 */
class RunCommandStopTest {

    private static final Path LOG = Path.of("target", "run-command.log");

    @Test
    void aStoppedRunCommandStopsEveryServiceBeforeItEnds() throws Exception {
        Ports ports = Ports.free();
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(Map.of("PORTAL_PORT", str(ports.portal()), "IDENTITY_PORT", str(ports.identity()),
                "NOTIFICATION_PORT", str(ports.notification()), "MAILBOX_PORT", str(ports.mailbox()),
                "SMTP_PORT", str(ports.smtp()), "PORTAL_MANAGEMENT_PORT", str(ports.portalManagement()),
                "IDENTITY_MANAGEMENT_PORT", str(ports.identityManagement()),
                "NOTIFICATION_MANAGEMENT_PORT", str(ports.notificationManagement()),
                "EXAMPLE_PORT", str(ports.example()), "EXAMPLE_MANAGEMENT_PORT", str(ports.exampleManagement())));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LocalStack.class.getName())
                .redirectErrorStream(true).redirectOutput(LOG.toFile());
        builder.environment().putAll(env);
        Process runCommand = builder.start();
        List<ProcessHandle> started = List.of();
        try {
            awaitLine("City login suite is running", runCommand);
            started = runCommand.descendants().toList();
            assertTrue(started.size() >= 4, "the services and PostgreSQL run as processes of their own: " + started);

            runCommand.destroy(); // SIGTERM
            assertTrue(runCommand.waitFor(120, TimeUnit.SECONDS), "still running 120 s after SIGTERM");
            assertEquals(143, runCommand.exitValue(), "ended by the signal after its shutdown hook (1: halted); see " + LOG);
            for (ProcessHandle child : started) {
                assertFalse(child.isAlive(), "left running: " + child.info().commandLine().orElse(child.toString()));
            }
        } finally {
            // Those a failed stop left behind would hold their ports for the next tests.
            started.forEach(ProcessHandle::destroyForcibly);
            runCommand.descendants().forEach(ProcessHandle::destroyForcibly);
            runCommand.destroyForcibly();
        }
    }

    private static void awaitLine(String line, Process process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the run command ended with " + process.exitValue() + "; see " + LOG);
            }
            if (Files.exists(LOG) && Files.readString(LOG).contains(line)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not running within 3 minutes; see " + LOG);
    }

    private static String str(int port) {
        return String.valueOf(port);
    }
}
