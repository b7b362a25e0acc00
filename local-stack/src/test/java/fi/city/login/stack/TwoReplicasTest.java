package fi.city.login.stack;

import fi.city.login.infra.Await;
import fi.city.login.stack.MigratedResidents.Resident;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two replicas of each service on one PostgreSQL and one Kafka broker, as two pods each would run: requests
 * spread over both identity-service replicas send no email twice (with two notification-service replicas
 * sharing the consumer group), share limits and sessions, and either replica of a service serves any request.
 */
@ExtendWith(SuiteUnderTest.class)
class TwoReplicasTest {

    private static final String PASSWORD = "kaksi replikaa yksi totuus";
    private static final Pattern SESSION = Pattern.compile("\"sessionToken\":\"([^\"]+)\"");

    private static LocalStack stack;
    private static String[] replicas;
    private static String[] portals;
    private static IdentityCalls calls;
    private static MigratedResidents residents;

    @BeforeAll
    static void startASecondReplica() throws Exception {
        stack = SuiteUnderTest.stack();
        Ports spare = Ports.free();
        replicas = new String[] {stack.identityUrl(), stack.startIdentityReplica(spare.identity(), spare.identityManagement()).url()};
        stack.startNotificationReplica(spare.notification(), spare.notificationManagement());
        portals = new String[] {stack.portalUrl(), stack.startPortalReplica(spare.portal(), spare.portalManagement()).url()};
        calls = new IdentityCalls(stack);
        residents = new MigratedResidents(stack);
    }

    @AfterAll
    static void stopTheSecondReplicas() {
        stack.stopReplicas();
    }

    @Test
    void fortyParallelFirstLoginsOverBothReplicasSendOneEmailAndEitherReplicaServesTheSession() throws Exception {
        Resident resident = residents.create("Kahden Replikan Asukas");
        Map<Integer, Integer> answers = IdentityCalls.parallel(40, i -> calls.identify(replicas[i % 2], resident.email()).statusCode());
        assertEquals(Map.of(200, 40), answers);
        assertEquals(1, calls.emailsTo(resident.email(), 1).size(), "one email from two relays and forty requests");

        setPassword(replicas[1], calls.emailsTo(resident.email(), 1).get(0));
        HttpResponse<String> login = calls.post(replicas[0], "/api/v1/login/password",
                "{\"email\":\"" + resident.email() + "\",\"password\":\"" + PASSWORD + "\",\"rememberMe\":false}");
        assertEquals(200, login.statusCode(), login.body());
        Matcher session = SESSION.matcher(login.body());
        session.find();
        assertEquals(200, calls.session(replicas[1], "GET", session.group(1)).statusCode(), "the other replica knows the session");
        assertEquals(204, calls.session(replicas[1], "DELETE", session.group(1)).statusCode());
        assertEquals(401, calls.session(replicas[0], "GET", session.group(1)).statusCode(), "logged out on one, out on both");
    }

    @Test
    void anAccountsGuessLimitHoldsOverBothReplicas() throws Exception {
        Resident resident = residents.create("Arvattava Kahdessa");
        calls.identify(replicas[0], resident.email());
        setPassword(replicas[0], calls.emailsTo(resident.email(), 1).get(0));
        Map<Integer, Integer> answers = IdentityCalls.parallel(40, i -> calls.post(replicas[i % 2], "/api/v1/login/password",
                "{\"email\":\"" + resident.email() + "\",\"password\":\"väärä arvaus " + i + "\",\"rememberMe\":false}")
                .statusCode());
        assertEquals(Map.of(401, 10, 429, 30), answers, "ten guesses checked in all, not ten per replica");
    }

    @Test
    void twentyResidentsOverBothReplicasGetTwentyEmailsNoneTwice() throws Exception {
        List<Resident> many = residents.create("Monesko", 20);
        Set<String> addresses = many.stream().map(Resident::email).collect(Collectors.toSet());
        IdentityCalls.parallel(20, i -> calls.identify(replicas[i % 2], many.get(i).email()).statusCode());
        Await.until("an email to each", Duration.ofSeconds(30), () -> calls.recipientsAmong(addresses).size() >= 20);
        NothingOnItsWay.await(stack);
        List<String> recipients = calls.recipientsAmong(addresses);
        assertEquals(20, recipients.size());
        assertEquals(addresses, Set.copyOf(recipients), "one each, none twice");
    }

    @Test
    void aResidentLogsInOnOnePortalAndTheOtherKnowsTheSession() throws Exception {
        Resident resident = residents.create("Kahden Portaalin Asukas");
        calls.identify(replicas[0], resident.email());
        setPassword(replicas[1], calls.emailsTo(resident.email(), 1).get(0));

        PortalCalls.CsrfPair csrf = PortalCalls.csrfPair(portals[0]);
        HttpResponse<String> login = PortalCalls.postForm(portals[1], "/login/password", csrf,
                Map.of("email", resident.email(), "password", PASSWORD));
        assertEquals(303, login.statusCode(), "a form from one portal is accepted by the other: " + login.body());
        String session = PortalCalls.sessionCookie(login);
        HttpResponse<String> account = PortalCalls.get(portals[0], "/account", session);
        assertEquals(200, account.statusCode());
        assertTrue(account.body().contains(resident.displayName()), "the other portal shows the resident's account");
    }

    private static void setPassword(String replica, MimeMessage email) {
        HttpResponse<String> set = calls.setPassword(replica, email, PASSWORD);
        assertEquals(204, set.statusCode(), set.body());
    }
}
