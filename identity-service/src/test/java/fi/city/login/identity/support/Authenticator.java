package fi.city.login.identity.support;

import com.google.common.io.BaseEncoding;
import fi.city.login.identity.secondfactor.Totp;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static fi.city.login.identity.support.IdentityCalls.asPortal;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An authenticator app as a resident's phone runs one: it reads the secret from the key URI the enrolment
 * answers and shows the code of any 30-second step. Each code is computed here, from that secret only.
 */
public final class Authenticator {

    private final byte[] secret;
    /** The step of the code typed to confirm the app: the next one not yet used is this plus one. */
    private final long confirmedAt;
    private final List<String> recoveryCodes;

    private Authenticator(byte[] secret, long confirmedAt, List<String> recoveryCodes) {
        this.secret = secret;
        this.confirmedAt = confirmedAt;
        this.recoveryCodes = recoveryCodes;
    }

    /** Sets up an app for the session's account through the settings API, as the portal's page does. */
    public static Authenticator enrol(String sessionToken, String password) {
        String keyUri = settings(sessionToken).body(Map.of("currentPassword", password))
                .post("/api/v1/settings/second-factor/enrolment").then().statusCode(200).extract().path("keyUri");
        String query = URI.create(keyUri).getRawQuery();
        String base32 = Arrays.stream(query.split("&")).filter(p -> p.startsWith("secret=")).findFirst().orElseThrow()
                .substring("secret=".length());
        byte[] secret = BaseEncoding.base32().omitPadding().decode(base32);
        long step = Totp.step(Instant.now());
        List<String> codes = settings(sessionToken).body(Map.of("code", Totp.code(secret, step)))
                .post("/api/v1/settings/second-factor/confirmation").then().statusCode(200).extract().path("codes");
        assertEquals(10, codes.size(), "ten recovery codes");
        return new Authenticator(secret, step, codes);
    }

    /** The code the app showed when it was confirmed: already used. */
    public String confirmationCode() {
        return Totp.code(secret, confirmedAt);
    }

    /** The code of the step after the confirmation's: accepted once (within the ±1 step drift). */
    public String nextCode() {
        return Totp.code(secret, confirmedAt + 1);
    }

    public String codeOfStep(long step) {
        return Totp.code(secret, step);
    }

    public List<String> recoveryCodes() {
        return recoveryCodes;
    }

    private static RequestSpecification settings(String sessionToken) {
        return asPortal().header("X-Session-Token", sessionToken).contentType(ContentType.JSON);
    }

    /** The second-factor step of a login the password step left waiting. */
    public static Response secondFactorLogin(String flowToken, String code) {
        return asPortal().contentType(ContentType.JSON).body(Map.of("flowToken", flowToken, "code", code))
                .post("/api/v1/login/second-factor");
    }
}
