package fi.city.login.stack;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Requests to a portal replica as a browser makes them, cookies kept by hand. */
final class PortalCalls {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_COOKIE = Pattern.compile("__Host-portal_csrf=([^;]+)");
    private static final Pattern SESSION_COOKIE = Pattern.compile("__Host-portal_session=([^;]+)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PortalCalls() {
    }

    /** A CSRF cookie and the matching form token, as the login page hands them to a browser. */
    static CsrfPair csrfPair(String portalUrl) throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create(portalUrl + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher field = CSRF_FIELD.matcher(page.body());
        Matcher cookie = CSRF_COOKIE.matcher(String.join("\n", page.headers().allValues("Set-Cookie")));
        if (!field.find() || !cookie.find()) {
            throw new AssertionError("no CSRF pair on the login page");
        }
        return new CsrfPair(cookie.group(1), field.group(1));
    }

    /** A form post with the CSRF pair, as the browser sends it. */
    static HttpResponse<String> postForm(String portalUrl, String path, CsrfPair csrf, Map<String, String> fields)
            throws Exception {
        return postForm(portalUrl, path, csrf, fields, null);
    }

    /** A form post with the CSRF pair and, unless null, a W3C {@code traceparent} header. */
    static HttpResponse<String> postForm(String portalUrl, String path, CsrfPair csrf, Map<String, String> fields,
                                         String traceParent) throws Exception {
        String body = "csrf-token=" + encode(csrf.formToken()) + fields.entrySet().stream()
                .map(field -> "&" + encode(field.getKey()) + "=" + encode(field.getValue())).collect(Collectors.joining());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portalUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "__Host-portal_csrf=" + csrf.cookie())
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceParent != null) {
            request.header("traceparent", traceParent);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A page fetched with the session cookie. */
    static HttpResponse<String> get(String portalUrl, String path, String sessionCookie) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portalUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Cookie", "__Host-portal_session=" + sessionCookie).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session cookie an answer set, or null. */
    static String sessionCookie(HttpResponse<?> answer) {
        Matcher cookie = SESSION_COOKIE.matcher(String.join("\n", answer.headers().allValues("Set-Cookie")));
        return cookie.find() ? cookie.group(1) : null;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record CsrfPair(String cookie, String formToken) {
    }
}
