package fi.city.login.stack;

import fi.city.login.infra.Await;
import fi.city.login.stack.MigratedResidents.Resident;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two identity-service replicas on one PostgreSQL and one Kafka broker, as two pods would run: requests
 * spread over both send no email twice, share limits and sessions, and either replica serves any request.
 */
@ExtendWith(SuiteUnderTest.class)
class TwoReplicasTest {

    private static final String PASSWORD = "kaksi replikaa yksi totuus";
    private static final Pattern SESSION = Pattern.compile("\"sessionToken\":\"([^\"]+)\"");
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalStack stack;
    private static ServiceProcess second;
    private static String[] replicas;
    private static String portalToken;
    private static MigratedResidents residents;

    @BeforeAll
    static void startASecondReplica() throws Exception {
        stack = SuiteUnderTest.stack();
        Ports spare = Ports.free();
        second = stack.startIdentityReplica(spare.identity(), spare.identityManagement());
        replicas = new String[] {stack.identityUrl(), second.url()};
        portalToken = MigratedResidents.clientToken(stack, LocalStack.PORTAL_CLIENT_ID, LocalStack.PORTAL_CLIENT_SECRET);
        residents = new MigratedResidents(stack);
    }

    @AfterAll
    static void stopIt() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void fortyParallelFirstLoginsOverBothReplicasSendOneEmailAndEitherReplicaServesTheSession() throws Exception {
        Resident resident = residents.create("Kahden Replikan Asukas");
        Map<Integer, Integer> answers = parallel(40, i -> post(replicas[i % 2], "/api/v1/login/identifier",
                "{\"email\":\"" + resident.email() + "\"}").statusCode());
        assertEquals(Map.of(200, 40), answers);
        assertEquals(1, emailsTo(resident.email(), 1).size(), "one email from two relays and forty requests");

        setPassword(replicas[1], tokenIn(emailsTo(resident.email(), 1).get(0)));
        HttpResponse<String> login = post(replicas[0], "/api/v1/login/password",
                "{\"email\":\"" + resident.email() + "\",\"password\":\"" + PASSWORD + "\",\"rememberMe\":false}");
        assertEquals(200, login.statusCode(), login.body());
        Matcher session = SESSION.matcher(login.body());
        session.find();
        assertEquals(200, call(replicas[1], "GET", session.group(1)).statusCode(), "the other replica knows the session");
        assertEquals(204, call(replicas[1], "DELETE", session.group(1)).statusCode());
        assertEquals(401, call(replicas[0], "GET", session.group(1)).statusCode(), "logged out on one, out on both");
    }

    @Test
    void anAccountsGuessLimitHoldsOverBothReplicas() throws Exception {
        Resident resident = residents.create("Arvattava Kahdessa");
        post(replicas[0], "/api/v1/login/identifier", "{\"email\":\"" + resident.email() + "\"}");
        setPassword(replicas[0], tokenIn(emailsTo(resident.email(), 1).get(0)));
        Map<Integer, Integer> answers = parallel(40, i -> post(replicas[i % 2], "/api/v1/login/password",
                "{\"email\":\"" + resident.email() + "\",\"password\":\"väärä arvaus " + i + "\",\"rememberMe\":false}")
                .statusCode());
        assertEquals(Map.of(401, 10, 429, 30), answers, "ten guesses checked in all, not ten per replica");
    }

    @Test
    void twentyResidentsOverBothReplicasGetTwentyEmailsNoneTwice() throws Exception {
        List<Resident> many = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            many.add(residents.create("Monesko " + i));
        }
        parallel(20, i -> post(replicas[i % 2], "/api/v1/login/identifier", "{\"email\":\"" + many.get(i).email() + "\"}")
                .statusCode());
        Await.until("an email to each", Duration.ofSeconds(30), () -> many.stream().noneMatch(r -> found(r.email()).isEmpty()));
        Thread.sleep(3_000); // a second copy would have arrived by now
        for (Resident resident : many) {
            assertEquals(1, found(resident.email()).size(), resident.email());
        }
    }

    private static void setPassword(String replica, String token) {
        HttpResponse<String> set = post(replica, "/api/v1/recovery/password", "{\"token\":\"" + token + "\",\"password\":\""
                + PASSWORD + "\",\"passwordConfirmation\":\"" + PASSWORD + "\"}");
        assertEquals(204, set.statusCode(), set.body());
    }

    private static HttpResponse<String> post(String replica, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(replica + path))
                .header("Authorization", "Bearer " + portalToken)
                .header("X-Client-Address", "10.77." + (NEXT_ADDRESS.incrementAndGet() % 250) + ".1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    private static HttpResponse<String> call(String replica, String method, String session) {
        return send(HttpRequest.newBuilder(URI.create(replica + "/api/v1/session"))
                .header("Authorization", "Bearer " + portalToken).header("X-Session-Token", session)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<Integer, Integer> parallel(int count, IntFunction<Integer> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                answers.add(threads.submit(() -> call.apply(index)));
            }
            Map<Integer, Integer> counted = new TreeMap<>();
            for (Future<Integer> answer : answers) {
                counted.merge(answer.get(), 1, Integer::sum);
            }
            return counted;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The emails to the address once there are at least {@code atLeast}, after a pause in which a second copy would arrive. */
    private static List<MimeMessage> emailsTo(String address, int atLeast) throws Exception {
        Await.until(atLeast + " emails to " + address, Duration.ofSeconds(30), () -> found(address).size() >= atLeast);
        Thread.sleep(3_000);
        return found(address);
    }

    private static List<MimeMessage> found(String address) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage message : stack.smtp().messages()) {
                if (address.equals(message.getRecipients(Message.RecipientType.TO)[0].toString())) {
                    found.add(message);
                }
            }
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    private static String tokenIn(MimeMessage email) throws Exception {
        String link = JourneyPages.linkIn(email);
        return URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
    }
}
