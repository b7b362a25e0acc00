package fi.city.login.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a platform team's first deploy would trip over, as rules over a set of objects (a rendered overlay,
 * or a planted file that breaks each rule once): the public host named the same everywhere, autoscaled
 * Deployments without a replica count of their own, disruption budgets that bound what a drain takes, and
 * database pools whose sum at the most replicas fits the server.
 */
final class PlatformRules {

    /** PostgreSQL's default max_connections (100), less its superuser reserve and room for ops and migrations. */
    static final int CONNECTION_BUDGET = 90;

    /** The settings that give out an address on the public host, by the ConfigMap that holds them. */
    private static final Map<String, List<String>> PUBLIC_URLS = Map.of(
            "identity-service", List.of("IDENTITY_TOKEN_ISSUER", "IDENTITY_OIDC_PORTAL_URL"),
            "notification-service", List.of("NOTIFICATION_PORTAL_URL"));

    private PlatformRules() {
    }

    static List<String> publicHost(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        Optional<JsonNode> setting = Manifests.ofKind(objects, "ConfigMap").stream()
                .filter(map -> map.path("metadata").path("name").asText().equals("city-login-public")).findFirst();
        if (setting.isEmpty()) {
            return List.of("no ConfigMap city-login-public: the public host is not one setting");
        }
        String host = setting.get().path("data").path("PUBLIC_HOST").asText();
        for (JsonNode ingress : Manifests.ofKind(objects, "Ingress")) {
            String name = ingress.path("metadata").path("name").asText();
            ingress.path("spec").path("rules").forEach(rule -> {
                if (!rule.path("host").asText().equals(host)) {
                    violations.add("Ingress " + name + ": host " + rule.path("host").asText() + " is not the public host " + host);
                }
            });
            ingress.path("spec").path("tls").forEach(tls -> tls.path("hosts").forEach(tlsHost -> {
                if (!tlsHost.asText().equals(host)) {
                    violations.add("Ingress " + name + ": TLS host " + tlsHost.asText() + " is not the public host " + host);
                }
            }));
        }
        for (JsonNode map : Manifests.ofKind(objects, "ConfigMap")) {
            String name = map.path("metadata").path("name").asText();
            for (String key : PUBLIC_URLS.getOrDefault(name, List.of())) {
                String url = map.path("data").path(key).asText();
                String urlHost = url.isEmpty() ? "" : URI.create(url).getHost();
                if (!host.equals(urlHost)) {
                    violations.add("ConfigMap " + name + ": " + key + " " + url + " is not on the public host " + host);
                }
            }
        }
        return violations;
    }

    static List<String> scaling(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        List<JsonNode> autoscalers = Manifests.ofKind(objects, "HorizontalPodAutoscaler");
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            Optional<JsonNode> autoscaler = autoscalers.stream()
                    .filter(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(name)).findFirst();
            if (autoscaler.isPresent() && deployment.path("spec").has("replicas")) {
                violations.add("Deployment " + name + ": sets replicas while HorizontalPodAutoscaler "
                        + autoscaler.get().path("metadata").path("name").asText() + " owns them");
            }
            Optional<JsonNode> config = Manifests.ofKind(objects, "ConfigMap").stream()
                    .filter(map -> map.path("metadata").path("name").asText().equals(name)).findFirst();
            if (config.isPresent() && config.get().path("data").has("QUARKUS_DATASOURCE_REACTIVE_URL")) {
                if (!config.get().path("data").has("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE")) {
                    violations.add("ConfigMap " + name + ": no QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE, its pool size is the framework's");
                }
            }
        }
        int connections = connectionsAtTheMostReplicas(objects);
        if (connections > CONNECTION_BUDGET) {
            violations.add(connections + " connections to PostgreSQL at the most replicas, over the budget of " + CONNECTION_BUDGET);
        }
        for (JsonNode budget : Manifests.ofKind(objects, "PodDisruptionBudget")) {
            JsonNode spec = budget.path("spec");
            if (spec.has("minAvailable") || spec.path("maxUnavailable").asInt(0) != 1) {
                violations.add("PodDisruptionBudget " + budget.path("metadata").path("name").asText()
                        + ": not maxUnavailable: 1 (minAvailable: 1 lets a drain take all but one)");
            }
        }
        return violations;
    }

    /** The Kafka resources as the Strimzi operators of today take them, and what they keep for how long. */
    static List<String> kafka(List<JsonNode> objects, String namespace) {
        List<String> violations = new ArrayList<>();
        if (namespace == null || namespace.isBlank()) {
            violations.add("kafka-topics: no namespace, while the Topic and User Operators watch only the Kafka cluster's");
        }
        for (JsonNode object : objects) {
            String kind = object.path("kind").asText();
            String name = kind + " " + object.path("metadata").path("name").asText();
            if ((kind.equals("KafkaTopic") || kind.equals("KafkaUser"))
                    && !object.path("apiVersion").asText().equals("kafka.strimzi.io/v1")) {
                violations.add(name + ": " + object.path("apiVersion").asText() + ", where Strimzi serves kafka.strimzi.io/v1");
            }
            if (kind.equals("KafkaTopic")) {
                JsonNode config = object.path("spec").path("config");
                long retention = config.path("retention.ms").asLong(-1);
                long segment = config.path("segment.ms").asLong(-1);
                if (retention <= 0) {
                    violations.add(name + ": no retention.ms, the broker's default applies");
                } else if (segment <= 0 || segment > retention / 7) {
                    violations.add(name + ": segment.ms is not set to a seventh of retention.ms or less, so data outlives it");
                }
            }
            if (kind.equals("KafkaUser")) {
                JsonNode annotations = object.path("spec").path("template").path("secret").path("metadata").path("annotations");
                if (!annotations.path("reflector.v1.k8s.emberstack.com/reflection-auto-namespaces").asText().contains("city-login")) {
                    violations.add(name + ": its Secret stays in the Kafka namespace, where no pod of city-login can read it");
                }
            }
        }
        return violations;
    }

    /** Traffic: no egress to the whole internet, and probes that say how long they wait. */
    static List<String> traffic(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        for (JsonNode policy : Manifests.ofKind(objects, "NetworkPolicy")) {
            policy.path("spec").path("egress").forEach(rule -> rule.path("to").forEach(peer -> {
                String cidr = peer.path("ipBlock").path("cidr").asText();
                if (cidr.equals("0.0.0.0/0") || cidr.equals("::/0")) {
                    violations.add("NetworkPolicy " + policy.path("metadata").path("name").asText() + ": egress to " + cidr);
                }
            }));
        }
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            deployment.path("spec").path("template").path("spec").path("containers").forEach(container -> {
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    if (container.has(probe) && !container.path(probe).has("timeoutSeconds")) {
                        violations.add(deployment.path("metadata").path("name").asText() + "/" + container.path("name").asText()
                                + ": " + probe + " sets no timeoutSeconds (a second, by default, is shorter than a GC pause)");
                    }
                }
            });
        }
        return violations;
    }

    /** The alerts a platform team needs on day one; each must exist, or nothing would ever page. */
    static final List<String> ALERTS = List.of("CityLoginOutboxLagging", "CityLoginEmailsParked", "CityLoginSmtpFailing",
            "CityLoginDeadLetters", "CityLoginConsumerLag", "CityLoginTargetDown", "CityLoginMetricsAbsent",
            "CityLoginRestarts", "CityLoginOutOfMemory", "CityLoginDatabaseUnavailable",
            "CityLoginNotificationDatabaseUnavailable");

    /**
     * Monitoring that can fire: the pods scraped on their management port, the rules where the operator
     * takes them (a namespace, its selector's label), every alert there with a runbook that exists.
     *
     * @param runbooks the headings of docs/operations.md, as anchors
     */
    static List<String> monitoring(List<JsonNode> objects, String namespace, java.util.Set<String> runbooks) {
        List<String> violations = new ArrayList<>();
        if (namespace == null || namespace.isBlank()) {
            violations.add("monitoring: no namespace, so the operator may never see the rules");
        }
        List<JsonNode> monitors = Manifests.ofKind(objects, "PodMonitor");
        boolean scraped = monitors.stream().anyMatch(monitor -> {
            JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").path(0);
            return endpoint.path("port").asText().equals("management") && endpoint.path("path").asText().equals("/q/metrics");
        });
        if (!scraped) {
            violations.add("no PodMonitor scrapes the management port's /q/metrics: no metric reaches Prometheus");
        }
        List<String> alerts = new ArrayList<>();
        for (JsonNode rules : Manifests.ofKind(objects, "PrometheusRule")) {
            if (!rules.path("metadata").path("labels").has("release")) {
                violations.add("PrometheusRule " + rules.path("metadata").path("name").asText()
                        + ": no release label, which the operator's ruleSelector selects by");
            }
            rules.path("spec").path("groups").forEach(group -> group.path("rules").forEach(rule -> {
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                String runbook = rule.path("annotations").path("runbook_url").asText();
                String anchor = runbook.contains("#") ? runbook.substring(runbook.indexOf('#') + 1) : "";
                if (!runbooks.contains(anchor)) {
                    violations.add(alert + ": runbook_url " + (runbook.isEmpty() ? "missing" : runbook + " names no runbook"));
                }
            }));
        }
        ALERTS.stream().filter(alert -> !alerts.contains(alert)).forEach(alert -> violations.add("no alert " + alert));
        return violations;
    }

    /** Production: every pod in the mesh that encrypts the traffic between them (Linkerd, mutual TLS). */
    static List<String> meshed(List<JsonNode> objects) {
        List<String> violations = new ArrayList<>();
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String inject = deployment.path("spec").path("template").path("metadata").path("annotations")
                    .path("linkerd.io/inject").asText();
            if (!inject.equals("enabled")) {
                violations.add("Deployment " + deployment.path("metadata").path("name").asText()
                        + ": not in the mesh, so its traffic (passwords, from the portal) crosses the cluster in the clear");
            }
        }
        return violations;
    }

    /** The connections the pools may open at the most replicas, for docs/operations.md's figure. */
    static int connectionsAtTheMostReplicas(List<JsonNode> objects) {
        int connections = 0;
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            String name = deployment.path("metadata").path("name").asText();
            int mostReplicas = Manifests.ofKind(objects, "HorizontalPodAutoscaler").stream()
                    .filter(hpa -> hpa.path("spec").path("scaleTargetRef").path("name").asText().equals(name))
                    .map(hpa -> hpa.path("spec").path("maxReplicas").asInt()).findFirst()
                    .orElse(deployment.path("spec").path("replicas").asInt(1));
            connections += Manifests.ofKind(objects, "ConfigMap").stream()
                    .filter(map -> map.path("metadata").path("name").asText().equals(name))
                    .mapToInt(map -> map.path("data").path("QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE").asInt(0) * mostReplicas)
                    .sum();
        }
        return connections;
    }
}
