package fi.city.login.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service of the suite, run from its packaged Quarkus application in a JVM of its own, with its
 * output prefixed by its name.
 */
final class ServiceProcess implements AutoCloseable {

    private static final int KEPT_LINES = 60;
    /** The exit code of a JVM killed by SIGKILL (128 + 9). */
    private static final int KILLED = 137;
    private static final Pattern MEMORY_LIMIT =
            Pattern.compile("limits:\\s*\\n\\s*cpu:[^\\n]*\\n\\s*memory:\\s*(\\d+)Mi");

    /**
     * glibc's allocator as the container images set it (docs/operations.md, "Memory"): two arenas rather than
     * one per core's worth of threads. What they keep after a burst goes back to the system by the JVM's
     * periodic trim ({@code -XX:TrimNativeHeapInterval} in jvm.options).
     */
    static final Map<String, String> MALLOC = Map.of("MALLOC_ARENA_MAX", "2");

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final ClassDataArchive classData;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private Thread output;

    private ServiceProcess(String name, int port, int managementPort, Process process, ClassDataArchive classData) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.classData = classData;
    }

    static ServiceProcess start(String name, Path root, int port, int managementPort, Map<String, String> env,
                                PrintStream log) {
        return start(name, root, port, managementPort, env, log, false);
    }

    /**
     * As {@link #start(String, Path, int, int, Map, PrintStream)}; with {@code classData}, from the service's
     * class-data archive, or recording it if there is none yet ({@link ClassDataArchive}).
     */
    static ServiceProcess start(String name, Path root, int port, int managementPort, Map<String, String> env,
                                PrintStream log, boolean classData) {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw -DskipTests package)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The service's own JVM settings (heap, GC, JIT) come from the same file its container image uses.
        List<String> command = new ArrayList<>(List.of(java, "@" + root.resolve(name).resolve("jvm.options")));
        memoryLimit(root, name).ifPresent(limit -> command.add("-XX:MaxRAM=" + limit));
        ClassDataArchive archive = classData ? ClassDataArchive.of(root.resolve(name)) : null;
        if (archive != null) {
            command.addAll(archive.jvmOptions());
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.resolve(name).toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().putAll(MALLOC);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        try {
            ServiceProcess service = new ServiceProcess(name, port, managementPort, builder.start(), archive);
            service.pump(log);
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Runs a service's initialization tasks and nothing else (Quarkus' init-and-exit: its Flyway
     * migrations), as the migration Job of a release does, and waits for it to finish.
     */
    static void runInitTasks(String name, Path root, Map<String, String> env, PrintStream log, Duration timeout)
            throws InterruptedException {
        Map<String, String> initEnv = new HashMap<>(env);
        initEnv.put("QUARKUS_INIT_AND_EXIT", "true");
        initEnv.put("QUARKUS_FLYWAY_MIGRATE_AT_START", "true");
        initEnv.put("QUARKUS_FLYWAY_VALIDATE_AT_START", "false");
        ServiceProcess service = start(name, root, 0, 0, initEnv, log);
        int exit = service.exitsWithin(timeout);
        if (exit != 0) {
            throw new IllegalStateException(name + " initialization exited with " + exit + ":\n" + service.tail());
        }
    }

    /**
     * The memory limit of the service's Kubernetes Deployment ({@code k8s/base/<name>.yaml}), given to the
     * JVM as if it were the container's: its heap is a share of the limit (jvm.options), so locally the
     * heap is what the pod gets, not a share of the machine's memory.
     */
    static Optional<String> memoryLimit(Path root, String name) {
        Path deployment = root.resolve("k8s/base").resolve(name + ".yaml");
        if (!Files.isRegularFile(deployment)) {
            return Optional.empty();
        }
        try {
            Matcher limit = MEMORY_LIMIT.matcher(Files.readString(deployment));
            return limit.find() ? Optional.of(limit.group(1) + "m") : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exit code of a service that is expected to give up by itself; killed, and an error, if it does not. */
    int exitsWithin(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new IllegalStateException(name + " was still running after " + timeout + ":\n" + tail());
        }
        output.join(Duration.ofSeconds(5).toMillis()); // its last lines, which say why
        return process.exitValue();
    }

    private void pump(PrintStream log) {
        output = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    remember(line);
                    log.println("[" + name + "] " + line);
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, name + "-output");
        output.setDaemon(true);
        output.start();
    }

    private synchronized void remember(String line) {
        if (lastLines.size() == KEPT_LINES) {
            lastLines.removeFirst();
        }
        lastLines.addLast(line);
    }

    /** Waits until the service answers its readiness probe, or fails with its last output lines. */
    void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                if (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + tail());
    }

    /** The service's last lines of output. */
    synchronized String lastLines() {
        return tail();
    }

    private synchronized String tail() {
        return String.join("\n", lastLines);
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** Health and metrics. */
    String managementUrl() {
        return "http://localhost:" + managementPort;
    }

    /** Kills the service (SIGKILL), as a node failure or an OOM kill would: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        if (classData != null) {
            classData.keepRecording(false);
        }
    }

    /** Asks the service to shut down (SIGTERM) without waiting, so that all services stop at once. */
    void requestStop() {
        process.destroy();
    }

    /** The class-data archive the service started from or records, if it was started with one. */
    Optional<ClassDataArchive> classData() {
        return Optional.ofNullable(classData);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroy();
        // Writing a class-data archive at exit takes a few seconds more.
        long grace = classData != null && classData.recordsNow() ? 60 : 10;
        boolean exitedByItself = false;
        try {
            exitedByItself = process.waitFor(grace, TimeUnit.SECONDS) && process.exitValue() != KILLED;
            if (!exitedByItself) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            if (classData != null) {
                classData.keepRecording(exitedByItself);
            }
        }
    }
}
