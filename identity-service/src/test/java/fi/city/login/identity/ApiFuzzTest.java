package fi.city.login.identity;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.clientToken;
import static fi.city.login.identity.support.IdentityCalls.login;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Thousands of malformed requests to every endpoint of the API, as its callers are authorized to send
 * them: wrong types, huge and truncated bodies, odd Unicode, injection strings, wrong content types. None
 * may be answered with a 5xx or a stack trace, and none may write an account, a link or a session.
 */
@QuarkusTest
@RealServers
class ApiFuzzTest {

    private static final int REQUESTS_PER_ENDPOINT = 300;
    private static final List<String> TABLES = List.of("account", "emailed_link", "session", "legacy_username",
            "authorization_code", "refresh_token");

    private static final String[] NASTY = {
            "", " ", "null", "true", "-1", "1e309", "[]", "{}", "\u0000", "\uD800", "\u202Eevil", "\uFEFF",
            "' OR '1'='1' --", "\"; DROP TABLE account; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
            "../../etc/passwd", "%00", "a".repeat(5000), "ä".repeat(400) + "@example.com", "@", "a@", "@b.c",
            "x@y", "erkki@@example.com", "\t\n", "😀@😀.fi", "Ω≈ç√∫˜µ≤≥÷", "\\u0000", "%s%s%s%n"};

    private final Random random = new Random(20261125);
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    TestAccounts accounts;

    @Test
    void malformedRequestsAreRefusedCleanlyAndWriteNothing() throws Exception {
        Map<String, Long> before = rowCounts();
        String importer = clientToken("tuonti", "test-only-secret-for-tuonti");
        String lookup = clientToken("asiointihistoria", "test-only-secret-for-asiointihistoria");
        List<Endpoint> endpoints = List.of(
                new Endpoint("POST", "/api/v1/login/identifier", List.of("email"), null),
                new Endpoint("POST", "/api/v1/login/password", List.of("email", "password", "rememberMe"), null),
                new Endpoint("GET", "/api/v1/session", List.of(), null),
                new Endpoint("DELETE", "/api/v1/session", List.of(), null),
                new Endpoint("POST", "/api/v1/recovery/password-links", List.of("email"), null),
                new Endpoint("POST", "/api/v1/recovery/password-links/inspect", List.of("token"), null),
                new Endpoint("POST", "/api/v1/recovery/password", List.of("token", "password", "passwordConfirmation"), null),
                new Endpoint("POST", "/api/v1/registration", List.of("email", "displayName", "locale"), null),
                new Endpoint("POST", "/api/v1/settings/password",
                        List.of("currentPassword", "newPassword", "newPasswordConfirmation"), null),
                new Endpoint("POST", "/api/v1/settings/profile", List.of("displayName", "locale"), null),
                new Endpoint("GET", "/api/v1/settings/sessions", List.of(), null),
                new Endpoint("DELETE", "/api/v1/settings/sessions", List.of(), null),
                new Endpoint("DELETE", "/api/v1/settings/sessions/not-a-uuid", List.of(), null),
                new Endpoint("GET", "/api/v1/settings/activity", List.of(), null),
                new Endpoint("POST", "/api/v1/settings/email", List.of("newEmail", "currentPassword"), null),
                new Endpoint("POST", "/api/v1/verification/email-change/inspect", List.of("token"), null),
                new Endpoint("POST", "/api/v1/verification/email-change", List.of("token", "currentPassword"), null),
                new Endpoint("POST", "/api/v1/verification/email-change/cancellation/inspect", List.of("token"), null),
                new Endpoint("POST", "/api/v1/verification/email-change/cancellation", List.of("token"), null),
                new Endpoint("GET", "/api/v1/recovery/password-policy", List.of(), null),
                new Endpoint("POST", "/api/v1/recovery/secure-account/inspect", List.of("token"), null),
                new Endpoint("POST", "/api/v1/recovery/secure-account", List.of("token"), null),
                new Endpoint("POST", "/api/v1/login/second-factor", List.of("flowToken", "code"), null),
                new Endpoint("POST", "/api/v1/login/passkey", List.of("response", "rememberMe"), null),
                new Endpoint("POST", "/api/v1/login/second-factor/passkey", List.of("flowToken", "response"), null),
                new Endpoint("POST", "/api/v1/session/second-factor/passkey", List.of("response"), null),
                new Endpoint("POST", "/api/v1/session/second-factor", List.of("code"), null),
                new Endpoint("GET", "/api/v1/settings/second-factor", List.of(), null),
                new Endpoint("POST", "/api/v1/settings/second-factor/enrolment", List.of("currentPassword"), null),
                new Endpoint("POST", "/api/v1/settings/second-factor/confirmation", List.of("code"), null),
                new Endpoint("POST", "/api/v1/settings/second-factor/removal", List.of("currentPassword", "secondFactorCode"), null),
                new Endpoint("GET", "/api/v1/settings/passkeys", List.of(), null),
                new Endpoint("POST", "/api/v1/settings/passkeys/options", List.of("currentPassword"), null),
                new Endpoint("POST", "/api/v1/settings/passkeys", List.of("name", "response"), null),
                new Endpoint("POST", "/api/v1/settings/passkeys/not-a-uuid/removal", List.of("currentPassword"), null),
                new Endpoint("GET", "/api/v1/accounts", List.of(), lookup),
                new Endpoint("GET", "/api/v1/accounts/not-a-uuid", List.of(), lookup),
                new Endpoint("POST", "/api/v1/admin/legacy-imports", List.of(), importer),
                new Endpoint("POST", "/oauth2/token", List.of(), "none"),
                new Endpoint("POST", "/api/v1/oidc/authorize", List.of("clientId", "redirectUri", "responseType", "scope",
                        "codeChallenge", "codeChallengeMethod", "nonce", "prompt", "maxAge"), null),
                new Endpoint("POST", "/api/v1/oidc/logout", List.of("idTokenHint", "clientId", "postLogoutRedirectUri"), null),
                new Endpoint("GET", "/oauth2/userinfo", List.of(), lookup),
                new Endpoint("POST", "/oauth2/userinfo", List.of(), "none"),
                new Endpoint("GET", "/api/v1/session", List.of(), "none"));

        String portal = clientToken("portal", "test-only-secret-for-portal");
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (Endpoint endpoint : endpoints) {
            for (int i = 0; i < REQUESTS_PER_ENDPOINT; i++) {
                Answer answer = send(endpoint, portal);
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 500 || answer.body().contains("Exception") || answer.body().contains("\tat ")) {
                    failures.add(endpoint.method + " " + endpoint.path + " → " + answer.status() + " "
                            + answer.body().substring(0, Math.min(200, answer.body().length())));
                }
            }
        }
        assertEquals(List.of(), failures.stream().distinct().limit(20).toList(), "statuses: " + statuses);
        assertEquals(before, rowCounts(), "a refused request writes nothing");
    }

    /**
     * A NUL in any text field of a resident's form, logged in or not, is a 400 that names the field, and
     * changes nothing (PostgreSQL cannot store NUL: it used to be a 500).
     */
    @Test
    void aNulInAnyTextFieldIsRefusedNamingTheField() throws Exception {
        String password = "nul-kokeilijan salasana";
        var resident = accounts.activeWithPassword("Nul Kokeilija", password);
        String session = login(resident.email(), password, false).then().statusCode(200).extract().path("sessionToken");
        Map<String, Map<String, Object>> forms = new java.util.LinkedHashMap<>();
        forms.put("/api/v1/settings/profile", Map.of("displayName", "Uusi Nimi", "locale", "fi"));
        forms.put("/api/v1/settings/password", Map.of("currentPassword", password, "newPassword", "uusi pitkä salasana",
                "newPasswordConfirmation", "uusi pitkä salasana"));
        forms.put("/api/v1/settings/email", Map.of("newEmail", "nul-uusi@example.com", "currentPassword", password));
        forms.put("/api/v1/registration", Map.of("email", "nul-rekisteri@example.com", "displayName", "Nimi", "locale", "fi"));
        forms.put("/api/v1/login/identifier", Map.of("email", resident.email(), "locale", "fi"));
        forms.put("/api/v1/login/password", Map.of("email", resident.email(), "password", password, "rememberMe", false));
        forms.put("/api/v1/recovery/password-links", Map.of("email", resident.email(), "locale", "fi"));
        forms.put("/api/v1/recovery/password", Map.of("token", "x".repeat(43), "password", "uusi pitkä salasana",
                "passwordConfirmation", "uusi pitkä salasana"));
        forms.put("/api/v1/verification/email-change", Map.of("token", "x".repeat(43), "currentPassword", password));
        forms.put("/api/v1/verification/email-change/cancellation", Map.of("token", "x".repeat(43)));
        Map<String, Long> before = rowCounts();
        for (var form : forms.entrySet()) {
            for (var field : form.getValue().entrySet()) {
                if (!(field.getValue() instanceof String text)) {
                    continue;
                }
                Map<String, Object> body = new java.util.HashMap<>(form.getValue());
                body.put(field.getKey(), text.substring(0, 1) + "\u0000" + text.substring(1));
                asPortal().header("X-Session-Token", session).header("X-Client-Address", "192.0.2.77")
                        .contentType(io.restassured.http.ContentType.JSON).body(body).post(form.getKey())
                        .then().statusCode(400).body("type", org.hamcrest.Matchers.equalTo("/problems/invalid-request"))
                        .body("invalidParams[0].name", org.hamcrest.Matchers.equalTo(field.getKey()));
            }
        }
        assertEquals(before, rowCounts(), "nothing was written");
        asPortal().header("X-Session-Token", session).get("/api/v1/session").then().statusCode(200)
                .body("account.displayName", org.hamcrest.Matchers.equalTo("Nul Kokeilija"));
    }

    /** Well-formed token requests of every grant with hostile values in each field: refused, never a 5xx. */
    @Test
    void tokenRequestsWithHostileFieldsAreRefusedCleanly() throws Exception {
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            StringBuilder form = new StringBuilder("grant_type=").append(pick("authorization_code", "refresh_token",
                    "client_credentials", "password", "", "%00"));
            for (String field : List.of("code", "redirect_uri", "code_verifier", "refresh_token", "scope", "client_id", "client_secret")) {
                if (random.nextBoolean()) {
                    form.append('&').append(field).append('=').append(URLEncoder.encode(nasty(), StandardCharsets.UTF_8));
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/oauth2/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded");
            if (random.nextBoolean()) {
                request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        bytes(pick("asiointihistoria", "mobiili", "%00", "") + ":" + printable())));
            }
            HttpResponse<String> answer = http.send(request.POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 500 || answer.statusCode() == 200) {
                failures.add(form + " → " + answer.statusCode() + " " + answer.body());
            }
        }
        accounts.forgetAddress("127.0.0.1");
        assertEquals(List.of(), failures.stream().limit(10).toList());
    }

    /** Raw HTTP, so that any bytes and any content type go out as they are. */
    private Answer send(Endpoint endpoint, String portal) throws Exception {
        String token = endpoint.token == null ? portal : endpoint.token;
        String query = pick("email", "legacyUsername", "apply", "dryRun", "x") + "="
                + URLEncoder.encode(printable(), StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + endpoint.path + "?" + query))
                // Headers stay printable ASCII: a client cannot send anything else there.
                .header("X-Session-Token", printable())
                .header("X-Client-Address", "192.0.2." + (1 + random.nextInt(250)));
        if (!token.equals("none")) {
            request.header("Authorization", "Bearer " + token);
        }
        byte[] body;
        String contentType = "application/json";
        switch (random.nextInt(6)) {
            case 0 -> body = bytes(jsonWithWrongTypes(endpoint.fields));
            case 1 -> body = bytes(truncated(jsonWithWrongTypes(endpoint.fields)));
            case 2 -> {
                contentType = pick("text/plain", "application/xml", "text/csv", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/x-ndjson");
                body = bytes(nasty());
            }
            case 3 -> {
                body = new byte[random.nextInt(2048)];
                random.nextBytes(body);
            }
            case 4 -> body = bytes("{\"a\":".repeat(2000));
            default -> body = new byte[] {(byte) 0xC3, (byte) 0x28, '"', '{'};
        }
        HttpResponse<String> answer = http.send(request.header("Content-Type", contentType)
                .method(endpoint.method, HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(answer.statusCode(), answer.body());
    }

    private String jsonWithWrongTypes(List<String> fields) {
        StringBuilder json = new StringBuilder("{");
        for (String field : fields) {
            if (random.nextInt(4) == 0) {
                continue;
            }
            json.append('"').append(field).append("\":").append(switch (random.nextInt(6)) {
                case 0 -> String.valueOf(random.nextLong());
                case 1 -> "[" + quoted(nasty()) + "]";
                case 2 -> "{\"nested\":" + quoted(nasty()) + "}";
                case 3 -> "null";
                default -> quoted(nasty());
            }).append(',');
        }
        json.append("\"unexpected\":").append(quoted(nasty())).append('}');
        return json.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String truncated(String json) {
        return json.substring(0, random.nextInt(json.length()));
    }

    private String nasty() {
        return NASTY[random.nextInt(NASTY.length)] + (random.nextBoolean() ? "" : NASTY[random.nextInt(NASTY.length)]);
    }

    private String printable() {
        String text = nasty();
        return text.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? text : "%00' OR 1=1";
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private static String quoted(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new TreeMap<>();
        TABLES.forEach(table -> counts.put(table, accounts.rows(table)));
        return counts;
    }

    private record Endpoint(String method, String path, List<String> fields, String token) {
    }

    private record Answer(int status, String body) {
    }
}
