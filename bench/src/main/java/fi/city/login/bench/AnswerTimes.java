package fi.city.login.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether identity-service's answers tell known addresses from unknown ones by their time, with unknown
 * addresses hidden ({@code identity.login.reveal-unknown-addresses=false}). Imports {@code count} residents
 * of the old system (known addresses), then sends each step of the journey — identifier step, password step,
 * "forgot your password?", registration — for every known address and as many unknown ones, shuffled
 * together, a few at a time, each from a client address of its own (the portal states it), and prints
 * the distribution of answer times and the statuses per step and kind of address.
 *
 * <p>Run against the local stack started in hidden mode; see bench/README.md.
 */
public final class AnswerTimes {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
    private static final int CONCURRENCY = 4;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String identity;
    private final AtomicInteger nextClientAddress = new AtomicInteger();

    private AnswerTimes(String identity) {
        this.identity = identity;
    }

    /** One request's answer: its status and how long it took. */
    private record Answer(boolean known, int status, long nanos) {
    }

    public static void main(String[] args) throws Exception {
        String identity = args.length > 0 ? args[0] : "http://localhost:8081";
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        new AnswerTimes(identity).run(count);
    }

    private void run(int count) throws Exception {
        String batch = Long.toString(System.currentTimeMillis(), 36);
        List<String> known = new ArrayList<>();
        StringBuilder csv = new StringBuilder("legacy_username,email,display_name,locale\n");
        for (int i = 0; i < count; i++) {
            String email = "tunnettu-" + batch + "-" + i + "@example.com";
            known.add(email);
            csv.append("bench").append(batch).append(i).append(',').append(email).append(",Tunnettu Asukas ").append(i)
                    .append(",fi\n");
        }
        String importToken = token("tuonti", "local-only-import-secret");
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(identity + "/api/v1/admin/legacy-imports?apply=true"))
                .header("Authorization", "Bearer " + importToken).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
        }
        System.out.printf("imported %d known addresses; %d unknown ones per step; %d requests at a time%n%n",
                count, count, CONCURRENCY);
        System.out.println("| step | addresses | statuses | p10 | median | p90 | p99 | max |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        measure("identifier step", "/api/v1/login/identifier", known, batch + "-id",
                email -> "{\"email\":\"" + email + "\",\"locale\":\"fi\"}");
        measure("password step", "/api/v1/login/password", known, batch + "-pw",
                email -> "{\"email\":\"" + email + "\",\"password\":\"arvattu salasana 123\",\"rememberMe\":false}");
        measure("forgot password", "/api/v1/recovery/password-links", known, batch + "-fp",
                email -> "{\"email\":\"" + email + "\",\"locale\":\"fi\"}");
        measure("registration", "/api/v1/registration", known, batch + "-rg",
                email -> "{\"email\":\"" + email + "\",\"displayName\":\"Uusi Asukas\",\"locale\":\"fi\"}");
    }

    private void measure(String step, String path, List<String> known, String unknownPrefix,
                         java.util.function.Function<String, String> body) throws Exception {
        record Call(String email, boolean known) {
        }
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            calls.add(new Call(known.get(i), true));
            calls.add(new Call("tuntematon-" + unknownPrefix + "-" + i + "@example.com", false));
        }
        Collections.shuffle(calls, new Random(42));
        String portalToken = token("portal", "local-only-portal-secret");
        ExecutorService threads = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (Call call : calls) {
                futures.add(threads.submit(() -> {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(identity + path))
                            .header("Authorization", "Bearer " + portalToken)
                            .header("X-Client-Address", nextClientAddress())
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.apply(call.email()))).build();
                    long start = System.nanoTime();
                    HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
                    return new Answer(call.known(), answer.statusCode(), System.nanoTime() - start);
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> future : futures) {
                answers.add(future.get());
            }
            print(step, "known", answers.stream().filter(Answer::known).toList());
            print(step, "unknown", answers.stream().filter(a -> !a.known()).toList());
        } finally {
            threads.shutdownNow();
        }
    }

    private static void print(String step, String kind, List<Answer> answers) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        answers.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
        long[] millis = answers.stream().mapToLong(Answer::nanos).sorted().toArray();
        System.out.printf("| %s | %s (%d) | %s | %s | %s | %s | %s | %s |%n", step, kind, millis.length, statuses,
                ms(millis, 0.10), ms(millis, 0.50), ms(millis, 0.90), ms(millis, 0.99), ms(millis, 1.0));
    }

    private static String ms(long[] sortedNanos, double quantile) {
        int index = (int) Math.min(sortedNanos.length - 1, Math.ceil(quantile * sortedNanos.length) - 1);
        return String.format("%.1f ms", sortedNanos[Math.max(0, index)] / 1e6);
    }

    /** An address of its own (in the range set aside for benchmarks) for each request: the hourly email caps per address stay out of the way. */
    private String nextClientAddress() {
        int n = nextClientAddress.incrementAndGet();
        return "198.18." + (n / 256 % 256) + "." + (n % 256);
    }

    private String token(String client, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(identity + "/oauth2/token"))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (!token.find()) {
            throw new IllegalStateException("no token for " + client + ": " + answer.statusCode());
        }
        return token.group(1);
    }
}
