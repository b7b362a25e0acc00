package fi.city.login.stack;

import fi.city.login.infra.Await;
import fi.city.login.stack.MigratedResidents.Resident;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * More logins at once than identity-service's hashing pool takes: the ones it turns away (503 overloaded)
 * reach the resident as the portal's translated "busy, try again" page, never as a generic error, and the
 * ones it takes log in. The identity-service replica here hashes one password at a time with none waiting,
 * so that forty logins are a burst.
 */
@ExtendWith(SuiteUnderTest.class)
class BusyIdentityTest {

    private static final String PASSWORD = "ruuhkaa riittää aamulla";
    private static final int LOGINS = 40;

    @AfterAll
    static void stopTheReplicas() {
        SuiteUnderTest.stack().stopReplicas();
    }

    @Test
    void loginsBeyondTheHashingPoolGetTheTranslatedBusyPage() throws Exception {
        LocalStack stack = SuiteUnderTest.stack();
        IdentityCalls calls = new IdentityCalls(stack);
        // One resident each: forty logins to one account at once would be paused as guessing (429).
        List<Resident> residents = new MigratedResidents(stack).create("Ruuhka Asukas", LOGINS);
        Set<String> addresses = residents.stream().map(Resident::email).collect(Collectors.toSet());
        IdentityCalls.parallel(LOGINS, i -> calls.identify(stack.identityUrl(), residents.get(i).email()).statusCode());
        Await.until("a link to each", Duration.ofSeconds(60), () -> calls.recipientsAmong(addresses).size() >= LOGINS);
        Map<Integer, Integer> passwordsSet = IdentityCalls.parallel(LOGINS, i -> calls.setPassword(stack.identityUrl(),
                calls.emailsFound(residents.get(i).email()).get(0), PASSWORD).statusCode());
        assertEquals(Map.of(204, LOGINS), passwordsSet);

        Ports spare = Ports.free();
        ServiceProcess narrow = stack.startIdentityReplica(spare.identity(), spare.identityManagement(),
                Map.of("IDENTITY_PASSWORD_HASHING_THREADS", "1", "IDENTITY_PASSWORD_HASHING_QUEUE", "0"));
        String portal = stack.startPortalReplica(spare.portal(), spare.portalManagement(),
                Map.of("QUARKUS_REST_CLIENT_IDENTITY_URL", narrow.url())).url();

        PortalCalls.CsrfPair csrf = PortalCalls.csrfPair(portal);
        ConcurrentLinkedQueue<String> busyPages = new ConcurrentLinkedQueue<>();
        Map<Integer, Integer> answers = IdentityCalls.parallel(LOGINS, i -> {
            try {
                HttpResponse<String> answer = PortalCalls.postForm(portal, "/login/password", csrf,
                        Map.of("email", residents.get(i).email(), "password", PASSWORD));
                if (answer.statusCode() == 503) {
                    busyPages.add(answer.body());
                }
                return answer.statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        System.out.println(LOGINS + " logins at once through the portal, one hashing thread: " + answers);

        assertEquals(List.of(303, 503), List.copyOf(answers.keySet()), "logged in or told to come back, nothing else");
        for (String page : busyPages) {
            assertTrue(page.contains("Palvelu on juuri nyt ruuhkautunut. Yritä hetken kuluttua uudelleen."), page);
            assertTrue(!page.contains("Jotain meni vikaan"), "not the generic error");
        }
        HttpResponse<String> later = PortalCalls.postForm(portal, "/login/password", csrf,
                Map.of("email", residents.get(0).email(), "password", PASSWORD));
        assertEquals(303, later.statusCode(), "a moment later the login goes through");
    }
}
