package fi.city.login.identity.bruteforce;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import fi.city.login.infra.Await;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static fi.city.login.identity.support.IdentityCalls.clientToken;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A caller that hangs up while its login is being checked (a second click on the button, a proxy's
 * timeout, a load generator stopping) has still had a password checked: the check runs to its end and is
 * counted as it turned out. Counted as a failure instead, the right password would pile up failures on
 * the resident's account and their address until both were paused.
 */
@QuarkusTest
@RealServers
class AbandonedLoginsTest {

    private static final String PASSWORD = "hätäinen asukas painaa kahdesti";
    private static final int LOGINS = 40;

    @Inject
    TestAccounts accounts;

    @TestHTTPResource("/")
    URI identity;

    @Test
    void fortyLoginsWithTheRightPasswordWhoseCallersHangUpLeaveNoFailureCounted() throws Exception {
        List<Migrated> residents = accounts.activeWithSamePassword("Kärsimätön", PASSWORD, LOGINS);
        String address = "198.51.100." + (1 + (int) (Math.random() * 200));
        String token = clientToken("portal", "test-only-secret-for-portal");

        List<Socket> callers = new ArrayList<>();
        for (Migrated resident : residents) {
            callers.add(sendLogin(resident.email(), address, token));
        }
        // Hang up once checks are reserved and waiting for the hashing pool, before any answer is read.
        Await.until("checks reserved", Duration.ofSeconds(20), Duration.ofMillis(2),
                () -> accounts.addressFailures(address) >= 5);
        for (Socket caller : callers) {
            caller.close();
        }

        Await.until("every reservation of the address given back", Duration.ofSeconds(20),
                () -> accounts.addressFailures(address) == 0);
        for (Migrated resident : residents) {
            assertEquals(0, accounts.failedLogins(resident.id()), "no failure counted for " + resident.email());
        }
    }

    private Socket sendLogin(String email, String address, String token) throws IOException {
        byte[] body = ("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"rememberMe\":false}")
                .getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket(identity.getHost(), identity.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/v1/login/password HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + token + "\r\nX-Client-Address: " + address + "\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return socket;
    }
}
