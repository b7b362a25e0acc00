package fi.city.login.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import fi.city.login.facts.PortalRoutes;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The base manifests in {@code k8s/}: every Deployment meets the restricted Pod Security level (and our
 * limits and probes), and network policies deny by default and cover every service. A planted manifest
 * that breaks the rules is caught, so the check can fail.
 */
class KubernetesManifestsTest {

    private static final Set<String> SERVICES = Set.of("identity-service", "notification-service", "portal-ui-service");

    private final List<JsonNode> objects = Manifests.in(Manifests.baseFolder());

    @Test
    void everyDeploymentMeetsTheRestrictedPodSecurityLevel() {
        List<JsonNode> deployments = Manifests.ofKind(objects, "Deployment");
        assertEquals(SERVICES, names(deployments));
        List<String> violations = new ArrayList<>();
        deployments.forEach(deployment -> violations.addAll(RestrictedPodSecurity.violations(deployment)));
        assertEquals(List.of(), violations);
    }

    @Test
    void eachServiceWithASchemaHasAMigrationJobAtTheRestrictedLevelAsItsMigrationUser() {
        List<JsonNode> jobs = Manifests.ofKind(objects, "Job");
        assertEquals(Set.of("identity-service-migration", "notification-service-migration"), names(jobs));
        List<String> violations = new ArrayList<>();
        jobs.forEach(job -> violations.addAll(RestrictedPodSecurity.violations(job)));
        assertEquals(List.of(), violations);
        for (JsonNode job : jobs) {
            String service = job.path("metadata").path("name").asText().replace("-migration", "");
            String user = job.path("spec").path("template").path("spec").path("containers").get(0).path("env").findValues("secretKeyRef")
                    .stream().map(ref -> ref.path("name").asText()).distinct().reduce("", String::concat);
            assertEquals(service.replace("-service", "") + "-database-migrator", user, service + "'s migration runs as its migration user");
        }
        for (JsonNode configMap : Manifests.ofKind(objects, "ConfigMap")) {
            if (configMap.path("data").has("QUARKUS_DATASOURCE_JDBC_URL")) {
                assertEquals("false", configMap.path("data").path("QUARKUS_FLYWAY_MIGRATE_AT_START").asText(),
                        configMap.path("metadata").path("name").asText() + " leaves migrations to its Job");
            }
        }
    }

    /**
     * The overlays as rendered by {@code kubectl kustomize} (CI writes them to target/rendered first; where
     * kubectl is missing there is nothing to read): their patches must not break the level.
     */
    @Test
    void everyRenderedOverlayMeetsTheRestrictedLevelToo() throws Exception {
        Path rendered = Path.of("target/rendered");
        if (!Files.isDirectory(rendered)) {
            assertFalse("true".equals(System.getenv("CI")) && kubectlOnPath(), "CI renders the overlays into " + rendered.toAbsolutePath());
            return;
        }
        List<String> violations = new ArrayList<>();
        int workloads = 0;
        for (String overlay : List.of("dev", "prod")) {
            List<JsonNode> overlayObjects = Manifests.read(rendered.resolve(overlay + ".yaml"));
            for (String kind : List.of("Deployment", "Job")) {
                for (JsonNode workload : Manifests.ofKind(overlayObjects, kind)) {
                    workloads++;
                    RestrictedPodSecurity.violations(workload).forEach(violation -> violations.add(overlay + ": " + violation));
                }
            }
        }
        assertEquals(10, workloads, "three Deployments and two Jobs in each overlay");
        assertEquals(List.of(), violations);
    }

    /** The day-one rules hold on the base and on each overlay as rendered: one public host, scaling, pools. */
    @Test
    void theBaseAndEveryRenderedOverlayHaveOnePublicHostAndFitTheirScaling() throws Exception {
        assertEquals(List.of(), PlatformRules.publicHost(objects));
        assertEquals(List.of(), PlatformRules.scaling(objects));
        assertEquals(List.of(), PlatformRules.traffic(objects));
        assertEquals(84, PlatformRules.connectionsAtTheMostReplicas(objects),
                "8 × 8 for identity-service, 10 × 2 for notification-service: the sum docs/operations.md states");
        Path rendered = Path.of("target/rendered");
        if (!Files.isDirectory(rendered)) {
            assertFalse("true".equals(System.getenv("CI")) && kubectlOnPath(), "CI renders the overlays into " + rendered.toAbsolutePath());
            return;
        }
        for (String overlay : List.of("dev", "prod")) {
            List<JsonNode> overlayObjects = Manifests.read(rendered.resolve(overlay + ".yaml"));
            assertEquals(List.of(), PlatformRules.publicHost(overlayObjects), overlay);
            assertEquals(List.of(), PlatformRules.scaling(overlayObjects), overlay);
            assertEquals(List.of(), PlatformRules.traffic(overlayObjects), overlay);
        }
        assertEquals(List.of(), PlatformRules.meshed(Manifests.read(rendered.resolve("prod.yaml"))));
        assertEquals(List.of("Deployment identity-service: not in the mesh, so its traffic (passwords, from the portal) "
                + "crosses the cluster in the clear"), PlatformRules.meshed(Manifests.read(
                Path.of("src/test/resources/planted/day-one.yaml"))).subList(0, 1));
    }

    @Test
    void aPlantedDayOneMistakeOfEachKindIsCaught() throws Exception {
        List<JsonNode> planted = Manifests.read(Path.of("src/test/resources/planted/day-one.yaml"));
        assertEquals(List.of(
                "Ingress portal: host login.other.example is not the public host login.city.example",
                "ConfigMap notification-service: NOTIFICATION_PORTAL_URL https://asiointi.city.example is not on the public host "
                        + "login.city.example"), PlatformRules.publicHost(planted));
        assertEquals(List.of(
                "Deployment identity-service: sets replicas while HorizontalPodAutoscaler identity-service owns them",
                "ConfigMap notification-service: no QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE, its pool size is the framework's",
                "160 connections to PostgreSQL at the most replicas, over the budget of 90",
                "PodDisruptionBudget identity-service: not maxUnavailable: 1 (minAvailable: 1 lets a drain take all but one)"),
                PlatformRules.scaling(planted));
        assertEquals(List.of(
                "NetworkPolicy notification-service: egress to 0.0.0.0/0",
                "identity-service/app: readinessProbe sets no timeoutSeconds (a second, by default, is shorter than a GC pause)"),
                PlatformRules.traffic(planted));
    }

    @Test
    void theKafkaResourcesAreWhatStrimziTakesAndKeepNothingPastTheirRetention() throws Exception {
        Path folder = Manifests.baseFolder().resolveSibling("kafka-topics");
        List<JsonNode> kafka = new ArrayList<>();
        kafka.addAll(Manifests.read(folder.resolve("kafka-topics.yaml")));
        kafka.addAll(Manifests.read(folder.resolve("kafka-users.yaml")));
        String namespace = Manifests.read(folder.resolve("kustomization.yaml")).get(0).path("namespace").asText(null);
        assertEquals(List.of(), PlatformRules.kafka(kafka, namespace));

        List<JsonNode> planted = Manifests.read(Path.of("src/test/resources/planted/kafka.yaml"));
        assertEquals(List.of(
                "kafka-topics: no namespace, while the Topic and User Operators watch only the Kafka cluster's",
                "KafkaTopic password-changed: kafka.strimzi.io/v1beta2, where Strimzi serves kafka.strimzi.io/v1",
                "KafkaTopic password-changed: no retention.ms, the broker's default applies",
                "KafkaTopic email-address-change: segment.ms is not set to a seventh of retention.ms or less, so data outlives it",
                "KafkaUser identity-service: its Secret stays in the Kafka namespace, where no pod of city-login can read it"),
                PlatformRules.kafka(planted, null));
    }

    @Test
    void theAlertsCanFireAndEachHasItsRunbook() throws Exception {
        Path folder = Manifests.baseFolder().resolveSibling("monitoring");
        List<JsonNode> monitoring = new ArrayList<>(Manifests.read(folder.resolve("prometheus-rules.yaml")));
        monitoring.addAll(Manifests.read(folder.resolve("pod-monitor.yaml")));
        String namespace = Manifests.read(folder.resolve("kustomization.yaml")).get(0).path("namespace").asText(null);
        Set<String> runbooks = Files.readAllLines(Manifests.baseFolder().getParent().resolveSibling("docs").resolve("operations.md"))
                .stream().filter(line -> line.startsWith("#")).map(line -> line.replaceFirst("^#+ ", "").toLowerCase()
                        .replaceAll("[^a-z0-9 -]", "").replace(' ', '-')).collect(java.util.stream.Collectors.toSet());
        assertEquals(List.of(), PlatformRules.monitoring(monitoring, namespace, runbooks));

        List<JsonNode> planted = Manifests.read(Path.of("src/test/resources/planted/monitoring.yaml"));
        List<String> caught = PlatformRules.monitoring(planted, null, runbooks);
        assertEquals(List.of(
                "monitoring: no namespace, so the operator may never see the rules",
                "no PodMonitor scrapes the management port's /q/metrics: no metric reaches Prometheus",
                "PrometheusRule city-login: no release label, which the operator's ruleSelector selects by",
                "CityLoginOutboxLagging: runbook_url missing"), caught.subList(0, 4));
        assertTrue(caught.contains("no alert CityLoginDeadLetters"), caught.toString());
    }

    private static boolean kubectlOnPath() {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, "kubectl")));
    }

    @Test
    void aPlantedDeploymentThatBreaksTheRulesIsCaught() throws Exception {
        JsonNode planted = Manifests.read(Path.of("src/test/resources/planted/insecure-deployment.yaml")).get(0);
        List<String> violations = RestrictedPodSecurity.violations(planted);
        assertEquals(List.of(
                "insecure: hostNetwork",
                "insecure: mounts a service-account token",
                "insecure/app: may run as root (runAsNonRoot)",
                "insecure/app: no seccomp profile RuntimeDefault",
                "insecure/app: allows privilege escalation",
                "insecure/app: does not drop all capabilities",
                "insecure/app: adds capability SYS_ADMIN",
                "insecure/app: writable root filesystem",
                "insecure/app: no CPU or memory limit",
                "insecure/app: no livenessProbe on the management port",
                "insecure/app: no readinessProbe on the management port"), violations);
    }

    @Test
    void eachServicesHeapIsAShareOfItsMemoryLimit() throws Exception {
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String service = deployment.path("metadata").path("name").asText();
            List<String> options = Files.readAllLines(Manifests.baseFolder().getParent().getParent().resolve(service).resolve("jvm.options"));
            assertTrue(options.stream().noneMatch(option -> option.startsWith("-Xmx") || option.startsWith("-XX:MaxHeapSize")),
                    service + ": no fixed heap, which would not follow the limit");
            // Both: below about 250 MB the JVM takes MinRAMPercentage, above it MaxRAMPercentage.
            int share = percentage(options, "-XX:MaxRAMPercentage=");
            assertEquals(share, percentage(options, "-XX:MinRAMPercentage="), service);
            String limit = deployment.path("spec").path("template").path("spec").path("containers").get(0)
                    .path("resources").path("limits").path("memory").asText();
            assertTrue(limit.endsWith("Mi"), service + ": memory limit in Mi: " + limit);
            long heapMiB = Long.parseLong(limit.replace("Mi", "")) * share / 100;
            assertTrue(heapMiB >= 48 && share <= 50, service + ": a heap of " + heapMiB + " MiB (" + share + " % of " + limit
                    + ") leaves the rest of the limit to class metadata, code, threads and native memory");
        }
    }

    private static int percentage(List<String> options, String flag) {
        return options.stream().filter(option -> option.startsWith(flag)).map(option -> Integer.parseInt(option.substring(flag.length())))
                .findFirst().orElseThrow(() -> new AssertionError("no " + flag));
    }

    @Test
    void networkPoliciesDenyByDefaultAndSelectEveryService() {
        List<JsonNode> policies = Manifests.ofKind(objects, "NetworkPolicy");
        assertTrue(policies.stream().anyMatch(policy -> policy.path("spec").path("podSelector").isEmpty()
                        && types(policy).equals(Set.of("Ingress", "Egress")) && !policy.path("spec").has("ingress")
                        && !policy.path("spec").has("egress")),
                "a default-deny policy for ingress and egress");
        Set<String> selected = new TreeSet<>();
        for (JsonNode policy : policies) {
            String name = policy.path("spec").path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText("");
            if (SERVICES.contains(name) && types(policy).containsAll(Set.of("Ingress", "Egress"))) {
                selected.add(name);
            }
        }
        assertEquals(SERVICES, selected, "each service has its own ingress and egress rules");
    }

    @Test
    void everyServiceSurvivesANodeDrainAndIdentityScalesOnCpu() {
        Set<String> budgeted = new TreeSet<>();
        for (JsonNode budget : Manifests.ofKind(objects, "PodDisruptionBudget")) {
            if (budget.path("spec").path("maxUnavailable").asInt(0) == 1) {
                budgeted.add(budget.path("spec").path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
            }
        }
        assertEquals(SERVICES, budgeted, "a PodDisruptionBudget lets a drain take one replica of each at a time");
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            int least = Manifests.ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .filter(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(name))
                    .map(hpa -> hpa.path("spec").path("minReplicas").asInt()).findFirst()
                    .orElse(deployment.path("spec").path("replicas").asInt(1));
            assertTrue(least >= 2, name + ": two replicas at the least");
            Set<String> spreadOver = new TreeSet<>();
            deployment.path("spec").path("template").path("spec").path("topologySpreadConstraints")
                    .forEach(constraint -> spreadOver.add(constraint.path("topologyKey").asText()));
            assertEquals(Set.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"), spreadOver,
                    deployment.path("metadata").path("name") + ": spread over nodes and zones");
        }
        assertTrue(Manifests.ofKind(objects, "HorizontalPodAutoscaler").stream().anyMatch(hpa ->
                        hpa.path("spec").path("scaleTargetRef").path("name").asText().equals("identity-service")
                                && hpa.path("spec").path("minReplicas").asInt() >= 2
                                && hpa.path("spec").path("metrics").get(0).path("resource").path("name").asText().equals("cpu")),
                "identity-service scales on CPU, never below two");
    }

    @Test
    void onlyThePortalAndTheIssuersEndpointsAreExposedAndNoAccessLogKeepsALinkToken() {
        List<JsonNode> ingresses = Manifests.ofKind(objects, "Ingress");
        Set<String> backends = new TreeSet<>();
        Set<String> unloggedPaths = new TreeSet<>();
        Set<String> identityPaths = new TreeSet<>();
        for (JsonNode ingress : ingresses) {
            assertTrue(ingress.path("spec").path("tls").size() > 0, ingress.path("metadata").path("name") + ": TLS");
            boolean unlogged = "false".equals(ingress.path("metadata").path("annotations")
                    .path("nginx.ingress.kubernetes.io/enable-access-log").asText());
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String backend = path.path("backend").path("service").path("name").asText();
                    if (backend.equals("identity-service")) {
                        identityPaths.add(path.path("pathType").asText() + " " + path.path("path").asText());
                    } else {
                        backends.add(backend);
                    }
                    if (unlogged) {
                        unloggedPaths.add(path.path("path").asText());
                    }
                }
            }
        }
        assertEquals(Set.of("portal-ui-service"), backends, "nothing but the portal is reachable from outside");
        assertEquals(Set.of("Exact /.well-known/openid-configuration", "Exact /.well-known/jwks.json", "Exact /oauth2/token",
                "Exact /oauth2/userinfo"), identityPaths, "of identity-service, the OpenID Connect endpoints at the issuer's URL alone");
        assertTrue(unloggedPaths.containsAll(Set.of(PortalRoutes.RECOVERY, PortalRoutes.EMAIL_CHANGE, PortalRoutes.SECURE_ACCOUNT, "/oauth2/logout")),
                "every page an emailed link opens (its token) and the end-session endpoint (an ID token) keep their "
                + "query strings out of access logs: " + unloggedPaths);
    }

    @Test
    void eachOverlayPinsEveryImageToARegistryAndATagAndNamesItsMigrationsAfterIt() throws Exception {
        for (String overlay : List.of("dev", "prod")) {
            JsonNode kustomization = Manifests.read(Manifests.baseFolder().resolveSibling("overlays/" + overlay + "/kustomization.yaml")).get(0);
            Set<String> pinned = new TreeSet<>();
            for (JsonNode image : kustomization.path("images")) {
                String tag = image.path("newTag").asText("");
                if (!tag.isEmpty() && !tag.equals("latest") && image.path("newName").asText().contains("/")) {
                    pinned.add(image.path("name").asText().replace("city-login/", ""));
                }
            }
            assertEquals(SERVICES, pinned, overlay + ": every service's image from a registry at a pinned tag");
            String tag = kustomization.path("images").get(0).path("newTag").asText().replace('.', '-');
            for (String job : List.of("identity-service-migration", "notification-service-migration")) {
                assertTrue(kustomization.path("patches").findValuesAsText("patch").stream().anyMatch(patch -> patch.contains(job + "-" + tag)),
                        overlay + ": " + job + " is named after the release " + tag + " (a Job cannot be changed, only made anew)");
            }
        }
    }

    private static Set<String> names(List<JsonNode> objects) {
        Set<String> names = new TreeSet<>();
        objects.forEach(object -> names.add(object.path("metadata").path("name").asText()));
        return names;
    }

    private static Set<String> types(JsonNode policy) {
        Set<String> types = new TreeSet<>();
        policy.path("spec").path("policyTypes").forEach(type -> types.add(type.asText()));
        return types;
    }
}
