package fi.city.login.identity.retention;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static fi.city.login.identity.support.IdentityCalls.login;
import static fi.city.login.identity.support.IdentityCalls.requestLink;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What ended is removed after its retention period and nothing that is in use: the job runs as if the
 * clock had moved on, over rows the flows wrote.
 */
@QuarkusTest
@RealServers
class RetentionTest {

    private static final String PASSWORD = "säilytettävä salasana";

    @Inject
    TestAccounts accounts;

    @Inject
    Retention retention;

    @Inject
    Pool database;

    @Test
    void endedSessionsLinksAndOldLimitRowsGoAfterTheirPeriodAndAKnownBrowserAfterItsOwn() {
        Migrated resident = accounts.activeWithPassword("Säilytetty Asukas", PASSWORD);
        String session = login(resident.email(), PASSWORD, false).then().statusCode(200).extract().path("sessionToken");
        requestLink(resident.email()).then().statusCode(202);
        login(resident.email(), "väärä salasana", false).then().statusCode(401);

        Map<String, Integer> now = removeOld(Instant.now());
        assertEquals(1, rows("session", resident.id()), "nothing in use is removed: " + now);
        asPortal().header("X-Session-Token", session).get("/api/v1/session").then().statusCode(200);
        assertEquals(1, rows("emailed_link", resident.id()));

        Map<String, Integer> month = removeOld(Instant.now().plus(Duration.ofDays(31)));
        assertEquals(0, rows("session", resident.id()), "a browser session ended more than 30 days before");
        assertEquals(0, rows("emailed_link", resident.id()), "a link expired more than 30 days before");
        assertTrue(month.get("email_request_throttle") > 0 && month.get("login_address_throttle") > 0, month.toString());
        assertEquals(1, rows("known_device", resident.id()), "a known browser is remembered longer");

        removeOld(Instant.now().plus(Duration.ofDays(401)));
        assertEquals(0, rows("known_device", resident.id()), "a browser unseen for 400 days is forgotten");
        assertEquals("ACTIVE", accounts.state(resident.id()), "the account itself stays");
    }

    private Map<String, Integer> removeOld(Instant now) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> retention.removeOld(now));
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private long rows(String table, UUID accountId) {
        return database.preparedQuery("SELECT count(*) FROM identity." + table + " WHERE account_id = $1")
                .execute(Tuple.of(accountId)).await().indefinitely().iterator().next().getLong(0);
    }
}
