package fi.city.login.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run command's starts from class-data archives: the first start of a build records each service's
 * archive, kept when the service stops (and clears recordings a killed run left); the next start maps it
 * into every service's JVM.
 */
class ClassDataArchiveTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @Test
    void theFirstStartRecordsEachServicesArchiveAndTheNextStartsFromIt() throws Exception {
        Path root = LocalStack.findRoot();
        List<String> services = List.of("identity-service", "notification-service", "portal-ui-service",
                "examples/asiointihistoria");
        for (String service : services) {
            Path target = root.resolve(service).resolve("target");
            deleteArchives(target);
            // What a stack killed before it could keep its recording leaves behind.
            Files.write(target.resolve("class-data-of-a-killed-run.jsa.recording"), new byte[] {1});
        }
        Map<String, String> env = new HashMap<>(System.getenv());

        try (LocalStack first = LocalStack.startFromClassData(root, Ports.free(), env, QUIET)) {
            for (ServiceProcess service : first.services()) {
                assertTrue(service.classData().orElseThrow().recordsNow(), service.name() + " had an archive already");
            }
        }
        for (String service : services) {
            Path archive = ClassDataArchive.of(root.resolve(service)).file();
            assertTrue(Files.size(archive) > 1_000_000, service + ": " + archive + " was not kept");
            assertEquals(List.of(), recordings(root.resolve(service).resolve("target")), "recordings left behind");
        }

        try (LocalStack second = LocalStack.startFromClassData(root, Ports.free(), env, QUIET)) {
            for (ServiceProcess service : second.services()) {
                ClassDataArchive archive = service.classData().orElseThrow();
                assertFalse(archive.recordsNow(), service.name() + " recorded again");
                String mapped = Files.readString(Path.of("/proc", String.valueOf(service.pid()), "maps"));
                assertTrue(mapped.contains(archive.file().toString()),
                        service.name() + "'s JVM did not map " + archive.file());
            }
        }
    }

    private static void deleteArchives(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("class-data-")).toList()) {
                Files.delete(file);
            }
        }
    }

    private static List<Path> recordings(Path target) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".recording")).toList();
        }
    }
}
