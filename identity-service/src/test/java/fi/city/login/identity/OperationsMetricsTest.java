package fi.city.login.identity;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fi.city.login.identity.support.IdentityCalls.login;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures ops alert on (docs/operations.md), on the management port: logins by outcome, refusals by
 * type, the hashing pool's load and the outbox's lag. Each counter moves by what the calls did.
 */
@QuarkusTest
@RealServers
class OperationsMetricsTest {

    private static final String PASSWORD = "mittarit kertovat totuuden";

    @Inject
    TestAccounts accounts;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Test
    void loginsRefusalsHashingAndOutboxAreMeasured() {
        Migrated resident = accounts.activeWithPassword("Mitattu Asukas", PASSWORD);
        double failedBefore = value("identity_audit_events_total\\{kind=\"LOGIN_FAILED\"");
        double succeededBefore = value("identity_audit_events_total\\{kind=\"LOGIN_SUCCEEDED\"");
        double refusedBefore = value("identity_refusals_total\\{type=\"INVALID_CREDENTIALS\"");

        login(resident.email(), "ei tämä", false).then().statusCode(401);
        login(resident.email(), "eikä tämäkään", false).then().statusCode(401);
        login(resident.email(), PASSWORD, false).then().statusCode(200);

        assertEquals(failedBefore + 2, value("identity_audit_events_total\\{kind=\"LOGIN_FAILED\""));
        assertEquals(succeededBefore + 1, value("identity_audit_events_total\\{kind=\"LOGIN_SUCCEEDED\""));
        assertEquals(refusedBefore + 2, value("identity_refusals_total\\{type=\"INVALID_CREDENTIALS\""));
        assertTrue(value("identity_hashing_capacity") > 0, "the pool's capacity");
        assertTrue(value("identity_hashing_admitted") >= 0, "hashing or waiting now");
        assertTrue(value("identity_hashing_refused_total") >= 0, "turned away with 503");
        assertTrue(value("identity_outbox_pending") >= 0, "events not yet acknowledged by Kafka");
        assertTrue(value("identity_outbox_oldest_age_seconds") >= 0, "how long the oldest has waited");
    }

    /** A metric's value in the Prometheus text (0 when it has not been counted yet); {@code series} is a regex prefix. */
    private double value(String series) {
        Matcher line = Pattern.compile("(?m)^" + series + "[^\\n]*? ([0-9.eE+-]+)$").matcher(RestAssured.get(metrics).asString());
        return line.find() ? Double.parseDouble(line.group(1)) : series.contains("{") ? 0 : -1;
    }
}
