package fi.city.login.stack;

import fi.city.login.infra.EmbeddedSmtpServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of hostile form posts to every form of the portal, with a valid CSRF pair so that they get
 * past the CSRF check to the pages and through them to identity-service: injection strings, odd Unicode,
 * control characters, over-long and missing fields, repeated fields, wrong types, wrong content types.
 * None may get a 5xx or a stack trace, no service may log an error, and a refused registration or
 * password link sends no email.
 */
@ExtendWith(SuiteUnderTest.class)
class PortalFormsFuzzTest {

    private static final int REQUESTS = 2_000;

    /** Each form of the portal and the fields it reads. */
    private static final Map<String, List<String>> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("/login/identifier", List.of("email"));
        FORMS.put("/login/password", List.of("email", "password", "rememberMe"));
        FORMS.put("/login/code", List.of("email", "rememberMe"));
        FORMS.put("/login/code/password", List.of("email", "code", "password", "rememberMe"));
        FORMS.put("/forgot", List.of("email"));
        FORMS.put("/register", List.of("name", "email"));
        FORMS.put("/recovery", List.of("token", "username", "password", "passwordConfirmation"));
        FORMS.put("/account/password", List.of("currentPassword", "password", "passwordConfirmation"));
        FORMS.put("/logout", List.of());
        FORMS.put("/account/profile", List.of("displayName", "locale"));
        FORMS.put("/account/email", List.of("newEmail", "currentPassword"));
        FORMS.put("/email-change", List.of("token", "currentPassword"));
        FORMS.put("/email-change/cancel", List.of("token"));
        FORMS.put("/account/sessions/end-others", List.of());
        FORMS.put("/account/sessions/not-a-session/end", List.of());
        FORMS.put("/oauth2/logout", List.of("client_id", "post_logout_redirect_uri", "state"));
    }

    private static final List<String> HOSTILE = List.of(
            "", " ", "\t", "null", "true", "on", "1", "-1", "99999999999999999999", "[]", "{}", "{\"a\":1}",
            "' OR '1'='1' --", "\"; DROP TABLE account; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
            "${jndi:ldap://example.invalid/a}", "{{7*7}}", "{#include layout}{/include}", "#{7*7}", "../../etc/passwd",
            "%00", "\u0000", "a\u0000b@example.com", "\r\nSet-Cookie: x=y", "\u202Eelpmaxe@moc.example", "👩‍👩‍👧‍👦@example.com",
            "ｅｘａｍｐｌｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "e\u0301\u0301\u0301\u0301@example.com", "\uD800", "\uFFFF\uFFFE",
            "@", "a@", "@b", "a@b", "a@@b.fi", "a b@c.fi", "äiti@esimerkki.fi", "x".repeat(321) + "@example.com",
            "y".repeat(5000), "z".repeat(1025), "Ω≈ç√∫˜µ≤≥÷", "田中さんにあげて下さい", "\u200B\u200B\u200B");

    private static LocalStack stack;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        stack = SuiteUnderTest.stack();
    }

    @Test
    void hostileFormsGetNoServerErrorNoStackTraceNoLoggedErrorAndARefusalSendsNothing() throws Exception {
        long logBefore = Files.size(SuiteUnderTest.LOG);
        PortalCalls.CsrfPair csrf = PortalCalls.csrfPair(stack.portalUrl());
        Random random = new Random(20261125);
        List<FuzzedPost> posts = new ArrayList<>();
        List<String> paths = List.copyOf(FORMS.keySet());
        for (int i = 0; i < REQUESTS; i++) {
            posts.add(FuzzedPost.of(i, paths.get(random.nextInt(paths.size())), random, csrf));
        }

        ExecutorService threads = Executors.newFixedThreadPool(16);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Set<String> refusedAddresses = new HashSet<>();
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (FuzzedPost post : posts) {
                answers.add(threads.submit(() -> HTTP.send(post.request(stack.portalUrl()), HttpResponse.BodyHandlers.ofString())));
            }
            for (int i = 0; i < posts.size(); i++) {
                FuzzedPost post = posts.get(i);
                HttpResponse<String> answer;
                try {
                    answer = answers.get(i).get();
                } catch (ExecutionException e) {
                    throw new AssertionError(post + " → " + e.getCause(), e);
                }
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                assertTrue(answer.statusCode() < 500, post + " → " + answer.statusCode() + " " + answer.body());
                assertTrue(!answer.body().contains("Exception") && !answer.body().contains("\tat "),
                        post + " → a stack trace in the answer");
                if (answer.statusCode() >= 400 && post.sendsEmail()) {
                    refusedAddresses.add(post.marker());
                }
            }
        } finally {
            threads.shutdownNow();
        }

        System.out.println(REQUESTS + " fuzzed form posts answered " + statuses);
        assertTrue(statuses.keySet().stream().anyMatch(status -> status < 300),
                "some posts got through to identity-service: " + statuses);
        byte[] log = Files.readAllBytes(SuiteUnderTest.LOG);
        String logged = new String(log, (int) logBefore, log.length - (int) logBefore, StandardCharsets.UTF_8);
        for (String line : logged.lines().toList()) {
            assertTrue(!line.contains(" ERROR ") && !line.contains("\"level\":\"ERROR\"") && !line.startsWith("\tat "),
                    "a service logged an error: " + line);
        }
        NothingOnItsWay.await(stack);
        for (MimeMessage message : stack.smtp().messages()) {
            String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
            assertTrue(refusedAddresses.stream().noneMatch(to::contains), "a refused post sent " + message.getSubject()
                    + " to " + to + ": " + EmbeddedSmtpServer.part(message, "text/plain"));
        }
        assertEquals(REQUESTS, statuses.values().stream().mapToInt(Integer::intValue).sum());
    }

    /**
     * The authorization and end-session endpoints take their parameters from anyone's link: hostile values
     * in each get no server error, and a redirect goes only within the portal or to the one registered URI.
     */
    @Test
    void hostileAuthorizationRequestsRedirectNowhereButTheRegisteredUri() throws Exception {
        Random random = new Random(20261127);
        List<String> names = List.of("client_id", "redirect_uri", "response_type", "scope", "state", "code_challenge",
                "code_challenge_method", "nonce", "prompt", "max_age", "id_token_hint", "post_logout_redirect_uri");
        String registered = stack.exampleUrl() + "/";
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            StringBuilder query = new StringBuilder(random.nextBoolean() ? "client_id=asiointihistoria&" : "");
            if (random.nextBoolean()) {
                query.append("redirect_uri=").append(URLEncoder.encode(registered + "callback", StandardCharsets.UTF_8)).append('&');
            }
            for (int n = random.nextInt(5); n >= 0; n--) {
                query.append(names.get(random.nextInt(names.size()))).append('=')
                        .append(URLEncoder.encode(HOSTILE.get(random.nextInt(HOSTILE.size())), StandardCharsets.UTF_8)).append('&');
            }
            String path = (random.nextBoolean() ? "/oauth2/authorize?" : "/oauth2/logout?") + query;
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(stack.portalUrl() + path))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            assertTrue(answer.statusCode() < 500, path + " → " + answer.statusCode() + " " + answer.body());
            String location = answer.headers().firstValue("Location").orElse("/");
            assertTrue(location.startsWith("/") && !location.startsWith("//") || location.startsWith(registered),
                    path + " → redirected to " + location);
        }
        System.out.println("400 hostile authorization and logout requests answered " + statuses);
    }

    /**
     * One hostile post. Each has a marker address of its own in its email field (unless the field itself is
     * fuzzed), so that an email sent for it can be told apart.
     */
    private record FuzzedPost(int index, String path, String contentType, String body, String cookie, String marker,
                              boolean emailFuzzed) {

        static FuzzedPost of(int index, String path, Random random, PortalCalls.CsrfPair csrf) {
            String marker = "fuzz-" + index + "-" + System.nanoTime() % 1_000_000 + "@example.com";
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : FORMS.get(path)) {
                fields.put(field, field.equals("email") ? marker : "kelvollinen arvo " + index);
            }
            boolean emailFuzzed = false;
            int mutations = 1 + random.nextInt(3);
            for (int m = 0; m < mutations && !fields.isEmpty(); m++) {
                List<String> names = List.copyOf(fields.keySet());
                String name = names.get(random.nextInt(names.size()));
                emailFuzzed |= name.equals("email");
                switch (random.nextInt(4)) {
                    case 0 -> fields.remove(name);
                    case 1 -> fields.put(name + "\u0000extra", HOSTILE.get(random.nextInt(HOSTILE.size())));
                    default -> fields.put(name, HOSTILE.get(random.nextInt(HOSTILE.size())));
                }
            }
            StringBuilder body = new StringBuilder();
            int shape = random.nextInt(10);
            String contentType = switch (shape) {
                case 0 -> "text/plain";
                case 1 -> "application/json";
                case 2 -> "multipart/form-data; boundary=x";
                default -> "application/x-www-form-urlencoded";
            };
            if (shape != 3) {
                body.append("csrf-token=").append(PortalCalls.encode(csrf.formToken()));
            }
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.append('&').append(PortalCalls.encode(field.getKey())).append('=').append(PortalCalls.encode(field.getValue()));
                if (shape == 4) {
                    body.append('&').append(PortalCalls.encode(field.getKey())).append('=').append(PortalCalls.encode("toinen arvo"));
                }
            }
            return new FuzzedPost(index, path, contentType, body.toString(), shape == 5 ? "nonsense" : csrf.cookie(), marker,
                    emailFuzzed);
        }

        HttpRequest request(String portalUrl) {
            return HttpRequest.newBuilder(URI.create(portalUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", contentType)
                    .header("Cookie", "__Host-portal_csrf=" + cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        }

        /** A post whose refusal must send nothing: it would have mailed its marker address if accepted. */
        boolean sendsEmail() {
            return !emailFuzzed && (path.equals("/forgot") || path.equals("/register") || path.equals("/login/identifier"));
        }


        @Override
        public String toString() {
            return "POST " + path + " (" + contentType + ") " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
