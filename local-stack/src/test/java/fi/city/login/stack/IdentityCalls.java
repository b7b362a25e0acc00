package fi.city.login.stack;

import fi.city.login.infra.Await;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

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

/**
 * Calls to identity-service replicas as the portal makes them (its client token, a resident's address in
 * {@code X-Client-Address}), many at once, and the emails they caused at the stack's SMTP server.
 */
final class IdentityCalls {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final LocalStack stack;
    private final String portalToken;

    IdentityCalls(LocalStack stack) throws Exception {
        this.stack = stack;
        this.portalToken = MigratedResidents.clientToken(stack, LocalStack.PORTAL_CLIENT_ID, LocalStack.PORTAL_CLIENT_SECRET);
    }

    /** A JSON post, from one of 250 client addresses in turn (so per-address caps do not decide a test). */
    HttpResponse<String> post(String replica, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(replica + path))
                .header("Authorization", "Bearer " + portalToken)
                .header("X-Client-Address", "10.77." + (NEXT_ADDRESS.incrementAndGet() % 250) + ".1")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** The first step of a login: the address. */
    HttpResponse<String> identify(String replica, String email) {
        return post(replica, "/api/v1/login/identifier", "{\"email\":\"" + email + "\"}");
    }

    /** Sets the password through the link in the email, as the portal's recovery page does. */
    HttpResponse<String> setPassword(String replica, MimeMessage email, String password) {
        String token;
        try {
            String link = JourneyPages.linkIn(email);
            token = URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError("no link in the email", e);
        }
        return post(replica, "/api/v1/recovery/password", "{\"token\":\"" + token + "\",\"password\":\"" + password
                + "\",\"passwordConfirmation\":\"" + password + "\"}");
    }

    /** GET or DELETE of the session. */
    HttpResponse<String> session(String replica, String method, String session) {
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

    /** Runs {@code count} calls at once, on as many threads; the answers' status codes, counted. */
    static Map<Integer, Integer> parallel(int count, IntFunction<Integer> call) throws Exception {
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

    /** The emails to the address once there are at least {@code atLeast} and nothing more is on its way. */
    List<MimeMessage> emailsTo(String address, int atLeast) throws Exception {
        Await.until(atLeast + " emails to " + address, Duration.ofSeconds(30), () -> emailsFound(address).size() >= atLeast);
        NothingOnItsWay.await(stack);
        return emailsFound(address);
    }

    /** The recipients among {@code addresses} of every email that reached the SMTP server so far, one entry per email. */
    List<String> recipientsAmong(java.util.Set<String> addresses) {
        List<String> found = new ArrayList<>();
        try {
            for (MimeMessage message : stack.smtp().messages()) {
                String to = message.getRecipients(Message.RecipientType.TO)[0].toString();
                if (addresses.contains(to)) {
                    found.add(to);
                }
            }
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
        return found;
    }

    /** The emails to the address that reached the SMTP server so far. */
    List<MimeMessage> emailsFound(String address) {
        List<MimeMessage> found = new ArrayList<>();
        try {
            for (MimeMessage message : stack.smtp().messages()) {
                if (address.equals(message.getRecipients(Message.RecipientType.TO)[0].toString())) {
                    found.add(message);
                }
            }
        } catch (MessagingException e) {
            throw new AssertionError(e);
        }
        return found;
    }
}
