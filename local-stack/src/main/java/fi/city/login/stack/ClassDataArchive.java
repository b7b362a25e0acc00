package fi.city.login.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A service's class-data archive (the JVM's dynamic AppCDS, JDK 13 and later): the classes it loaded while
 * starting and serving, already parsed and verified, mapped from one file at the next start. Most of a
 * service's start is loading its 15,000-20,000 classes; from the archive identity-service starts in about
 * half the time (bench/README.md, "Memory and start").
 *
 * <p>A run without a valid archive records one, written by the JVM when the service exits and kept only if
 * it exited by itself (a killed JVM may leave half a file). An archive is valid for the packaged application
 * it was recorded from and for this JVM's exact version; the JVM also checks every jar of the class path and
 * starts without the archive, not wrongly, if one changed.
 */
final class ClassDataArchive {

    private final Path archive;
    private final Path recording;
    private final boolean recordsNow;

    private ClassDataArchive(Path archive, Path recording, boolean recordsNow) {
        this.archive = archive;
        this.recording = recording;
        this.recordsNow = recordsNow;
    }

    /** The archive of the application packaged in {@code serviceDir/target/quarkus-app}, for this JVM. */
    static ClassDataArchive of(Path serviceDir) {
        Path target = serviceDir.resolve("target");
        String jvm = Runtime.version().toString().replaceAll("[^A-Za-z0-9.]", "_");
        Path archive = target.resolve("class-data-" + jvm + ".jsa");
        // Recorded under a name of its own and moved into place only once complete: the archive a start
        // reads is never a half-written one.
        Path recording = target.resolve("class-data-" + jvm + "-" + UUID.randomUUID() + ".jsa.recording");
        boolean recordsNow = !isNewerThan(archive, target.resolve("quarkus-app/quarkus-run.jar"));
        if (recordsNow) {
            deleteLeftRecordings(target);
        }
        return new ClassDataArchive(archive, recording, recordsNow);
    }

    /**
     * Recordings of runs whose stack was killed before it could keep them (about 100 MB each). One that another
     * JVM is still writing is lost too, which only means that JVM's run keeps no archive.
     */
    private static void deleteLeftRecordings(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            for (Path left : files.filter(file -> file.getFileName().toString().endsWith(".jsa.recording")).toList()) {
                Files.deleteIfExists(left);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clear " + target, e);
        }
    }

    private static boolean isNewerThan(Path file, Path than) {
        try {
            return Files.isRegularFile(file)
                    && Files.getLastModifiedTime(file).compareTo(Files.getLastModifiedTime(than)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The JVM options that use the archive, or that record it when there is none for this application yet. */
    List<String> jvmOptions() {
        return recordsNow ? List.of("-XX:ArchiveClassesAtExit=" + recording) : List.of("-XX:SharedArchiveFile=" + archive);
    }

    boolean recordsNow() {
        return recordsNow;
    }

    Path file() {
        return archive;
    }

    /** After the service has exited: keeps what it recorded if it exited by itself, and drops it otherwise. */
    void keepRecording(boolean exitedByItself) {
        if (!recordsNow) {
            return;
        }
        try {
            if (exitedByItself && Files.isRegularFile(recording) && Files.size(recording) > 0) {
                Files.move(recording, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(recording);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not keep the class-data archive " + archive, e);
        }
    }
}
