package fi.city.login.stack;

import fi.city.login.infra.Await;
import fi.city.login.stack.MigratedResidents.Resident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One trace id follows a resident's request for a link from the portal through identity-service (its
 * audit trail), the outbox and Kafka to notification-service's email: ops can go from "I never got the
 * email" to every step with one value.
 */
@ExtendWith(SuiteUnderTest.class)
class TraceAcrossServicesTest {

    private static final String TRACE = "3c7a1f0e9b2d4c6e8a0b1c2d3e4f5a6b";
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    @Test
    void aLinkRequestsTraceIdReachesTheAuditTrailAndTheEmailsDelivery() throws Exception {
        LocalStack stack = SuiteUnderTest.stack();
        Resident resident = new MigratedResidents(stack).create("Jäljitetty Asukas");

        // The resident's browser (or the ingress in front of the portal) sends the trace context.
        PortalCalls.CsrfPair csrf = PortalCalls.csrfPair(stack.portalUrl());
        HttpResponse<String> asked = PortalCalls.postForm(stack.portalUrl(), "/login/identifier", csrf,
                Map.of("email", resident.email()), "00-" + TRACE + "-a1b2c3d4e5f60718-01");
        assertTrue(asked.statusCode() < 400, asked.statusCode() + " " + asked.body());

        String lookup = MigratedResidents.clientToken(stack, LocalStack.DEMO_CLIENT_ID, LocalStack.DEMO_CLIENT_SECRET);
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> account = http.send(HttpRequest.newBuilder(URI.create(stack.identityUrl()
                        + "/api/v1/accounts?legacyUsername=" + URLEncoder.encode(resident.legacyUsername(), StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + lookup).build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(account.body());
        assertTrue(id.find(), account.body());
        HttpResponse<String> activity = http.send(HttpRequest.newBuilder(URI.create(stack.identityUrl()
                        + "/api/v1/accounts/" + id.group(1) + "/activity"))
                .header("Authorization", "Bearer " + lookup).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, activity.statusCode());
        assertTrue(activity.body().contains("\"kind\":\"LINK_SENT\"") && activity.body().contains("\"traceId\":\"" + TRACE + "\""),
                "the audit trail names the portal request's trace: " + activity.body());

        Await.until("notification-service logs the email with the same trace", Duration.ofSeconds(30), () -> {
            try {
                return Files.readAllLines(SuiteUnderTest.LOG).stream()
                        .anyMatch(line -> line.startsWith("[notification-service]") && line.contains("email sent")
                                && line.contains("(trace " + TRACE + ")"));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
