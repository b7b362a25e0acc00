package fi.city.login.stack;

import fi.city.login.infra.Await;
import fi.city.login.stack.MigratedResidents.Resident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every metric that the Grafana dashboard and the alert rules in {@code k8s/monitoring} read is one the
 * running services expose: a renamed metric would leave a panel empty and an alert silent.
 */
@ExtendWith(SuiteUnderTest.class)
class MonitoringMatchesMetricsTest {

    /** Our metrics and the framework's that the queries name (a query's functions and labels are not). */
    private static final Pattern METRIC = Pattern.compile("\\b((?:identity|notification|http|kafka)_[a-z0-9_]+)\\b");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void everyMetricOfTheDashboardAndTheAlertsIsExposed() throws Exception {
        Path monitoring = LocalStack.findRoot().resolve("k8s/monitoring");
        Set<String> dashboard = metricsIn(Files.readString(monitoring.resolve("grafana-dashboard.json")));
        Set<String> alerts = metricsIn(Files.readString(monitoring.resolve("prometheus-rules.yaml")));
        assertTrue(dashboard.size() >= 10 && alerts.size() >= 5, "the queries were read: " + dashboard + " " + alerts);

        // What makes the counters appear: a link and its email, a failed login.
        LocalStack stack = SuiteUnderTest.stack();
        IdentityCalls calls = new IdentityCalls(stack);
        Resident resident = new MigratedResidents(stack).create("Mittareiden Asukas");
        assertEquals(200, calls.identify(stack.identityUrl(), resident.email()).statusCode());
        calls.emailsTo(resident.email(), 1);
        calls.post(stack.identityUrl(), "/api/v1/login/password",
                "{\"email\":\"" + resident.email() + "\",\"password\":\"ei tämä\",\"rememberMe\":false}");

        Set<String> wanted = new TreeSet<>(dashboard);
        wanted.addAll(alerts);
        Set<String> missing = new TreeSet<>(wanted);
        try {
            Await.until("every metric of the dashboard and the alerts exposed", Duration.ofSeconds(30), () -> {
                String exposed = exposedMetrics(stack);
                missing.removeIf(name -> Pattern.compile("(?m)^" + name + "[{ ]").matcher(exposed).find());
                return missing.isEmpty();
            });
        } catch (AssertionError notAll) {
            assertEquals(Set.of(), missing, "read by the dashboard or the alerts, exposed by no service");
        }
    }

    private static Set<String> metricsIn(String queries) {
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(queries);
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }

    private static String exposedMetrics(LocalStack stack) {
        StringBuilder all = new StringBuilder();
        for (String management : stack.managementUrls().values()) {
            try {
                all.append(HTTP.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body()).append('\n');
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return all.toString();
    }
}
