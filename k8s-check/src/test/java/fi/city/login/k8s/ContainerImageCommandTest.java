package fi.city.login.k8s;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each container image starts a JVM on the service's own settings. The base image's run script
 * ({@code /opt/jboss/container/java/run/run-java.sh} of {@code ubi9/openjdk-17-runtime}) passes {@code JAVA_OPTS}
 * when it is set, and otherwise its own defaults followed by {@code JAVA_OPTS_APPEND}; its defaults choose the
 * parallel collector, which the JVM refuses beside the serial one of {@code jvm.options}. This test builds that
 * command line from each Dockerfile's {@code ENV} lines and starts a JVM with it, as the image would.
 */
class ContainerImageCommandTest {

    private static final String RUN_SCRIPT = "/opt/jboss/container/java/run/run-java.sh";
    /** What the run script puts first when JAVA_OPTS is not set (its java-default-options). */
    private static final String RUN_SCRIPT_DEFAULTS = "-XX:MaxRAMPercentage=80.0 -XX:+UseParallelGC -XX:MinHeapFreeRatio=10 "
            + "-XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90 -XX:+ExitOnOutOfMemoryError";
    private static final Pattern ENV = Pattern.compile("^ENV (\\w+)=\"?(.*?)\"?$");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(\\w+)}");

    @ParameterizedTest
    @ValueSource(strings = {"identity-service", "notification-service", "portal-ui-service", "examples/asiointihistoria"})
    void theImageStartsItsJvmOnTheServicesOwnSettings(String service) throws Exception {
        Path module = repository().resolve(service);
        List<String> dockerfile = Files.readAllLines(module.resolve("src/main/docker/Dockerfile.jvm"));
        assertTrue(dockerfile.contains("ENTRYPOINT [ \"" + RUN_SCRIPT + "\" ]"), service + " starts through the base image's run script");

        Map<String, String> env = environment(dockerfile);
        String options = env.containsKey("JAVA_OPTS") ? env.get("JAVA_OPTS")
                : RUN_SCRIPT_DEFAULTS + " " + env.getOrDefault("JAVA_OPTS_APPEND", "");
        // The image's files are this module's: /deployments/jvm.options is <module>/jvm.options. The class-data
        // archive is made by the image build; a JVM without one starts without it.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        Arrays.stream(options.trim().split("\\s+")).map(option -> option.replace("/deployments/", module + "/")).forEach(command::add);
        command.addAll(List.of("-XX:+PrintFlagsFinal", "-version"));

        Process java = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, java.waitFor(), service + "'s JVM did not start: " + output.lines().limit(3).toList());
        assertTrue(output.lines().anyMatch(line -> line.matches("\\s*bool UseSerialGC\\s+= true.*")), service + " runs the serial collector of its jvm.options");
    }

    /** The Dockerfile's ENV lines in order, each value with the earlier ones substituted, as docker build does. */
    private static Map<String, String> environment(List<String> dockerfile) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : dockerfile) {
            Matcher assignment = ENV.matcher(line);
            if (assignment.matches()) {
                env.put(assignment.group(1), REFERENCE.matcher(assignment.group(2)).replaceAll(reference -> Matcher.quoteReplacement(env.getOrDefault(reference.group(1), ""))));
            }
        }
        return env;
    }

    private static Path repository() throws IOException {
        return Manifests.baseFolder().getParent().getParent().toRealPath();
    }
}
