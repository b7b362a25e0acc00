package fi.city.login.identity.credential;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

import static fi.city.login.identity.support.IdentityCalls.anyAddress;
import static fi.city.login.identity.support.IdentityCalls.clientToken;
import static fi.city.login.identity.support.IdentityCalls.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 500 logins at once, far more than the hashing pool takes: the excess is answered at once with 503 and
 * {@code Retry-After}, admitted logins succeed, and meanwhile the steps that hash nothing (the identifier
 * step, session checks) keep answering.
 */
@QuarkusTest
@RealServers
class HashingBurstTest {

    private static final String PASSWORD = "kiireinen aamu kaupungilla";
    private static final int LOGINS = 500;

    @Inject
    TestAccounts accounts;

    @TestHTTPResource("/")
    URI identity;

    @Test
    void fiveHundredLoginsAtOnceGetAnswersOrABusySignalAndTheOtherStepsKeepAnswering() throws Exception {
        // One resident per login, all with the same password hash (hashed once): the burst is of residents,
        // not of one resident's guesses, which their own limit would stop.
        List<Migrated> residents = accounts.activeWithSamePassword("Ruuhka", PASSWORD, LOGINS);
        String session = login(residents.get(0).email(), PASSWORD, true).then().statusCode(200).extract().path("sessionToken");
        String token = clientToken("portal", "test-only-secret-for-portal");
        HttpClient http = HttpClient.newBuilder().build();

        List<CompletableFuture<HttpResponse<String>>> logins = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            String body = "{\"email\":\"" + residents.get(i).email() + "\",\"password\":\"" + PASSWORD
                    + "\",\"rememberMe\":false}";
            logins.add(http.sendAsync(post(token, "api/v1/login/password", body), HttpResponse.BodyHandlers.ofString()));
        }
        List<CompletableFuture<HttpResponse<String>>> others = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            others.add(http.sendAsync(post(token, "api/v1/login/identifier", "{\"email\":\"joku-" + i + "@example.com\"}"),
                    HttpResponse.BodyHandlers.ofString()));
            others.add(http.sendAsync(HttpRequest.newBuilder(identity.resolve("api/v1/session"))
                    .header("Authorization", "Bearer " + token).header("X-Session-Token", session)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()));
        }

        Map<Integer, Integer> loginStatuses = new TreeMap<>();
        List<Migrated> toldToComeBack = new ArrayList<>();
        for (int i = 0; i < LOGINS; i++) {
            HttpResponse<String> login = logins.get(i).get();
            loginStatuses.merge(login.statusCode(), 1, Integer::sum);
            if (login.statusCode() == 503) {
                assertEquals("1", login.headers().firstValue("Retry-After").orElse(null));
                assertTrue(login.body().contains("/problems/overloaded"), login.body());
                toldToComeBack.add(residents.get(i));
            }
        }
        Map<Integer, Integer> otherStatuses = new TreeMap<>();
        for (CompletableFuture<HttpResponse<String>> answer : others) {
            otherStatuses.merge(answer.get().statusCode(), 1, Integer::sum);
        }
        System.out.println(LOGINS + " logins at once: " + loginStatuses + "; identifier steps and session checks meanwhile: "
                + otherStatuses);

        assertEquals(LOGINS, loginStatuses.getOrDefault(200, 0) + loginStatuses.getOrDefault(503, 0),
                "every login succeeded or was told to come back: " + loginStatuses);
        assertTrue(loginStatuses.getOrDefault(503, 0) > 0, "the burst was more than the pool takes");
        assertTrue(loginStatuses.getOrDefault(200, 0) > 0, "admitted logins succeeded");
        assertEquals(Map.of(200, 40), otherStatuses, "nothing that hashes no password waited for the hashing");
        for (Migrated resident : toldToComeBack) {
            assertEquals(0, accounts.failedLogins(resident.id()), "a login told to come back counts as no guess");
        }
        login(toldToComeBack.get(0).email(), PASSWORD, false).then().statusCode(200);
    }

    private HttpRequest post(String token, String path, String json) {
        return HttpRequest.newBuilder(identity.resolve(path))
                .header("Authorization", "Bearer " + token).header("X-Client-Address", anyAddress())
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }
}
