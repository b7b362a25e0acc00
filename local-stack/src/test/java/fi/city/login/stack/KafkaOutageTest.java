package fi.city.login.stack;

import fi.city.login.infra.Await;
import fi.city.login.infra.EmbeddedKafkaBroker;
import fi.city.login.stack.MigratedResidents.Resident;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Kafka broker stops while residents ask for their first-login links, and the identity-service replica
 * that took the requests is killed before it could publish them: the outbox kept every event, the other
 * replica publishes them when the broker is back, and every resident gets exactly one email.
 */
@ExtendWith(SuiteUnderTest.class)
class KafkaOutageTest {

    private static final int RESIDENTS = 200;

    @Test
    void linksAskedWhileKafkaIsDownArriveOnceWhenItReturnsThoughTheReplicaThatTookThemWasKilled() throws Exception {
        LocalStack stack = SuiteUnderTest.stack();
        IdentityCalls calls = new IdentityCalls(stack);
        List<Resident> residents = new MigratedResidents(stack).create("Katkon Asukas", RESIDENTS);
        Set<String> addresses = residents.stream().map(Resident::email).collect(Collectors.toSet());
        Ports spare = Ports.free();
        ServiceProcess doomed = stack.startIdentityReplica(spare.identity(), spare.identityManagement());
        EmbeddedKafkaBroker kafka = stack.kafka();
        kafka.stop();
        try {
            Map<Integer, Integer> answers = IdentityCalls.parallel(RESIDENTS,
                    i -> calls.identify(doomed.url(), residents.get(i).email()).statusCode());
            assertEquals(Map.of(200, RESIDENTS), answers, "every request accepted while Kafka is down");
            doomed.kill();
        } finally {
            kafka.startAgain();
            stack.stopReplicas();
        }
        long back = System.nanoTime();

        Await.until("an email to each", Duration.ofMinutes(3), () -> calls.recipientsAmong(addresses).size() >= RESIDENTS);
        System.out.printf("Kafka back: %d emails delivered in %d ms%n", RESIDENTS, (System.nanoTime() - back) / 1_000_000);
        NothingOnItsWay.await(stack);
        List<String> recipients = calls.recipientsAmong(addresses);
        assertEquals(RESIDENTS, recipients.size(), "as many emails as residents");
        assertEquals(addresses, Set.copyOf(recipients), "one each, none twice");
    }
}
