package fi.city.login.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fresh residents carried over from the old system, one per test, brought in the way ops bring them:
 * through the legacy import API with the local stack's import client. Tests that share no account do
 * not depend on the order they run in.
 */
final class MigratedResidents {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final LocalStack stack;
    private final HttpClient http = HttpClient.newHttpClient();

    MigratedResidents(LocalStack stack) {
        this.stack = stack;
    }

    /** A new migrated account with no password yet. */
    Resident create(String displayName) throws Exception {
        return create(displayName, 1).get(0);
    }

    /** New migrated accounts with no password yet, "{displayName} 1" to "{displayName} {count}", in one import. */
    List<Resident> create(String displayName, int count) throws Exception {
        List<Resident> residents = new ArrayList<>();
        StringBuilder csv = new StringBuilder("legacy_username,email,display_name,locale\n");
        for (int i = 1; i <= count; i++) {
            String legacyUsername = "testi" + NEXT.incrementAndGet() + "-" + System.nanoTime() % 100_000;
            String name = count == 1 ? displayName : displayName + " " + i;
            residents.add(new Resident(legacyUsername + "@example.com", name, legacyUsername));
            csv.append(legacyUsername).append(',').append(legacyUsername).append("@example.com,").append(name).append(",fi\n");
        }
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(
                        URI.create(stack.identityUrl() + "/api/v1/admin/legacy-imports?apply=true"))
                .header("Authorization", "Bearer " + clientToken(stack, LocalStack.DEMO_IMPORT_CLIENT_ID,
                        LocalStack.DEMO_IMPORT_CLIENT_SECRET))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200 || !imported.body().contains("\"NEW_ACCOUNT\":" + count)) {
            throw new AssertionError("import of " + count + " answered " + imported.statusCode() + ": " + imported.body());
        }
        return residents;
    }

    /** A client credentials token of one of the local stack's clients. */
    static String clientToken(LocalStack stack, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.identityUrl() + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (!token.find()) {
            throw new AssertionError("no import token: " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    record Resident(String email, String displayName, String legacyUsername) {
        /** As the header shows the logged-in resident. */
        String header() {
            return displayName + " (" + email + ")";
        }
    }
}
