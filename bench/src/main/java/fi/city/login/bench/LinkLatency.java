package fi.city.login.bench;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.util.StreamProvider;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a resident waits at the inbox: from the first-login request to the email accepted by SMTP, at a
 * fixed request rate. This program is the SMTP server (it notes when each email arrives, as the SMTP
 * server delivers it to the mailbox) and the load:
 * it imports residents of the old system, then asks for their first-login links at each rate, each from a
 * client address of its own, and prints the latency distribution and any email lost or doubled.
 *
 * <p>Start it first, then the local stack with its mail sent here; see bench/README.md.
 */
public final class LinkLatency {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

    /**
     * The identifier steps reach identity-service as the portal sends them: HTTP/1.1 over at most 50
     * connections (its REST client's default pool). The JDK client's default, HTTP/2 over one connection,
     * put every request on one of identity-service's event loops, which no portal does.
     */
    private static final int PORTAL_CONNECTIONS = 50;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService portalConnections = Executors.newFixedThreadPool(PORTAL_CONNECTIONS);
    private final String identity;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> arrivals = new ConcurrentHashMap<>();
    private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> refused = new ConcurrentHashMap<>();
    private int nextAddress;

    private LinkLatency(String identity) {
        this.identity = identity;
    }

    public static void main(String[] args) throws Exception {
        String identity = args.length > 0 ? args[0] : "http://localhost:8081";
        int smtpPort = args.length > 1 ? Integer.parseInt(args[1]) : 3025;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int[] rates = args.length > 3 ? Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray() : new int[] {10, 20, 50};
        // Named here, jakarta.mail finds its stream provider by name; else it asks the ServiceLoader for it
        // again for every email the SMTP server stores, a sixth of this bench's CPU at 50 emails/s
        System.setProperty(StreamProvider.class.getName(), "org.eclipse.angus.mail.util.MailStreamProvider");
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        System.out.printf("SMTP listening on 127.0.0.1:%d; start the stack with QUARKUS_MAILER_HOST=127.0.0.1 "
                + "QUARKUS_MAILER_PORT=%d, then press Enter%n", smtpPort, smtpPort);
        System.in.read();
        LinkLatency bench = new LinkLatency(identity);
        try {
            bench.noteArrivalsOf(smtp.getUserManager());
            bench.run(rates, seconds);
        } finally {
            bench.portalConnections.shutdownNow(); // its threads would keep the program alive after a failure
            smtp.stop();
        }
    }

    private void run(int[] rates, int seconds) throws Exception {
        String portal = token("portal", "local-only-portal-secret");
        System.out.println("| requests/s | emails | lost | doubled | p50 | p90 | p99 | max | answer p50 / p99 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (int rate : rates) {
            List<String> residents = importResidents(rate * seconds, rate);
            send(residents, rate, portal);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (residents.stream().anyMatch(email -> !arrivedAt.containsKey(email)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(2000); // one too many would show by now
            report(rate, residents);
        }
    }

    /** Residents carried over from the old system, waiting for their first password. */
    private List<String> importResidents(int count, int rate) throws Exception {
        String batch = Long.toString(System.currentTimeMillis(), 36) + "-" + rate;
        List<String> emails = new ArrayList<>();
        StringBuilder csv = new StringBuilder("legacy_username,email,display_name,locale\n");
        for (int i = 0; i < count; i++) {
            String email = "viive-" + batch + "-" + i + "@example.com";
            emails.add(email);
            csv.append("viive").append(batch).append(i).append(',').append(email).append(",Viive Asukas ").append(i).append(",fi\n");
        }
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(identity + "/api/v1/admin/legacy-imports?apply=true"))
                .header("Authorization", "Bearer " + token("tuonti", "local-only-import-secret"))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (imported.statusCode() != 200) {
            throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
        }
        return emails;
    }

    /**
     * One identifier step per resident, at a fixed rate, each timed from when it was due: a request that
     * waits for a free connection waits as it would in the portal.
     */
    private void send(List<String> residents, int rate, String portal) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < residents.size(); i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            String email = residents.get(i);
            int address = ++nextAddress;
            sentAt.put(email, System.currentTimeMillis());
            HttpRequest request = HttpRequest.newBuilder(URI.create(identity + "/api/v1/login/identifier"))
                    .header("Authorization", "Bearer " + portal).header("Content-Type", "application/json")
                    .header("X-Client-Address", "10.77." + (address / 250 % 250) + "." + (1 + address % 250))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email + "\",\"locale\":\"fi\"}")).build();
            portalConnections.execute(() -> {
                try {
                    int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    answeredAt.put(email, System.currentTimeMillis());
                    if (status != 200) {
                        refused.merge(status + "", 1, Integer::sum);
                    }
                } catch (Exception e) {
                    refused.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                }
            });
        }
    }

    /**
     * Notes each email's arrival as the SMTP server delivers it, before it is stored. (Polling the whole
     * mailbox every few milliseconds, as this bench did before, cost it up to a core at 50 emails/s: it
     * competed with the stack it measures.)
     */
    private void noteArrivalsOf(UserManager users) {
        MessageDeliveryHandler store = users.getMessageDeliveryHandler();
        users.setMessageDeliveryHandler((message, recipient) -> {
            long now = System.currentTimeMillis();
            arrivedAt.putIfAbsent(recipient.getEmail(), now);
            arrivals.merge(recipient.getEmail(), 1, Integer::sum);
            return store.handle(message, recipient);
        });
    }

    private void report(int rate, List<String> residents) {
        List<Long> latencies = new ArrayList<>();
        int lost = 0;
        int doubled = 0;
        for (String email : residents) {
            Long arrived = arrivedAt.get(email);
            if (arrived == null) {
                lost++;
                continue;
            }
            latencies.add(arrived - sentAt.get(email));
            doubled += arrivals.getOrDefault(email, 1) > 1 ? 1 : 0;
        }
        if (System.getenv("LINK_TIMELINE") != null) {
            // In the order sent: shows whether slow emails are the first ones (a cold start) or spread out.
            StringBuilder timeline = new StringBuilder("latency in the order sent (ms):");
            residents.forEach(email -> timeline.append(' ').append(arrivedAt.containsKey(email)
                    ? arrivedAt.get(email) - sentAt.get(email) : -1));
            System.out.println(timeline);
        }
        latencies.sort(Long::compare);
        List<Long> answers = new ArrayList<>();
        residents.stream().filter(answeredAt::containsKey).forEach(email -> answers.add(answeredAt.get(email) - sentAt.get(email)));
        answers.sort(Long::compare);
        System.out.printf("| %d | %d | %d | %d | %s | %s | %s | %s | %s / %s |%n", rate, residents.size(), lost, doubled,
                ms(latencies, 0.50), ms(latencies, 0.90), ms(latencies, 0.99), ms(latencies, 1.0),
                ms(answers, 0.50), ms(answers, 0.99));
        if (!refused.isEmpty()) {
            System.err.println("answers other than 200: " + refused);
            refused.clear();
        }
    }

    private static String ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "-";
        }
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) + " ms";
    }

    private String token(String clientId, String secret) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(identity + "/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = ACCESS_TOKEN.matcher(answer.body());
        if (!token.find()) {
            throw new IllegalStateException("token for " + clientId + ": " + answer.statusCode());
        }
        return token.group(1);
    }
}
