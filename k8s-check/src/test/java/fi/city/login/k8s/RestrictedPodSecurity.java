package fi.city.login.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The rules of the restricted Pod Security Standard that a Deployment can break, plus ours: limits on
 * CPU and memory, probes on the management port, a read-only root filesystem and no service-account
 * token. Answers what a Deployment breaks, one line each.
 */
final class RestrictedPodSecurity {

    private static final Set<String> SECCOMP_ALLOWED = Set.of("RuntimeDefault", "Localhost");

    private RestrictedPodSecurity() {
    }

    static List<String> violations(JsonNode deployment) {
        String name = deployment.path("metadata").path("name").asText("?");
        JsonNode pod = deployment.path("spec").path("template").path("spec");
        List<String> found = new ArrayList<>();
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (pod.path(host).asBoolean(false)) {
                found.add(name + ": " + host);
            }
        }
        if (pod.path("automountServiceAccountToken").asBoolean(true)) {
            found.add(name + ": mounts a service-account token");
        }
        pod.path("volumes").forEach(volume -> {
            if (volume.has("hostPath")) {
                found.add(name + ": hostPath volume " + volume.path("name").asText());
            }
        });
        JsonNode podSecurity = pod.path("securityContext");
        for (JsonNode container : pod.path("containers")) {
            String where = name + "/" + container.path("name").asText("?");
            JsonNode security = container.path("securityContext");
            if (!security.path("runAsNonRoot").asBoolean(podSecurity.path("runAsNonRoot").asBoolean(false))) {
                found.add(where + ": may run as root (runAsNonRoot)");
            }
            String seccomp = security.path("seccompProfile").path("type").asText(podSecurity.path("seccompProfile").path("type").asText(""));
            if (!SECCOMP_ALLOWED.contains(seccomp)) {
                found.add(where + ": no seccomp profile RuntimeDefault");
            }
            if (security.path("privileged").asBoolean(false)) {
                found.add(where + ": privileged");
            }
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                found.add(where + ": allows privilege escalation");
            }
            if (!containsText(security.path("capabilities").path("drop"), "ALL")) {
                found.add(where + ": does not drop all capabilities");
            }
            for (JsonNode added : security.path("capabilities").path("add")) {
                if (!added.asText().equals("NET_BIND_SERVICE")) {
                    found.add(where + ": adds capability " + added.asText());
                }
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                found.add(where + ": writable root filesystem");
            }
            JsonNode limits = container.path("resources").path("limits");
            if (!limits.has("cpu") || !limits.has("memory")) {
                found.add(where + ": no CPU or memory limit");
            }
            // Our own rule for the services; a Job's pod runs to its end and has none.
            for (String probe : "Deployment".equals(deployment.path("kind").asText()) ? List.of("startupProbe", "livenessProbe", "readinessProbe") : List.<String>of()) {
                if (!"management".equals(container.path(probe).path("httpGet").path("port").asText())) {
                    found.add(where + ": no " + probe + " on the management port");
                }
            }
        }
        return found;
    }

    private static boolean containsText(JsonNode array, String text) {
        for (JsonNode item : array) {
            if (text.equals(item.asText())) {
                return true;
            }
        }
        return false;
    }
}
