package fi.city.login.identity.outbox;

import fi.city.login.identity.support.EventInbox;
import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.identity.support.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.identify;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The relay publishes right after the commit that wrote an event (PostgreSQL NOTIFY), not at its next poll:
 * with the poll an hour apart, the events of three first logins still reach Kafka, each once.
 */
@QuarkusTest
@RealServers
@TestProfile(OutboxWakeUpTest.PollingOnceAnHour.class)
class OutboxWakeUpTest {

    @Inject
    TestAccounts accounts;

    @Inject
    EventInbox inbox;

    @Test
    void eventsArePublishedAfterTheirCommitWithoutWaitingForThePoll() throws Exception {
        for (int i = 0; i < 3; i++) {
            Migrated resident = accounts.migrated("Heti Julkaistu " + i, "fi");
            identify(resident.email()).then().statusCode(200);
            assertEquals(1, inbox.eventsFor(resident.id(), 1).size());
        }
        assertEquals(0, accounts.rows("outbox_event"), "every published event left the outbox");
    }

    public static class PollingOnceAnHour implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("identity.outbox.poll-interval", "1h");
        }
    }
}
