package fi.city.login.portal.page;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A form body that is not well-formed is answered at once with a 400, never left hanging, logging no error. */
@QuarkusTest
class MalformedFormsTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aBadPercentEscapeInAFormIsRefused() throws Exception {
        for (String path : new String[] {"/login/identifier", "/login/password", "/recovery", "/forgot", "/register",
                "/account/password", "/logout"}) {
            for (String body : new String[] {"email=%zz", "%s%s%n=1", "csrf-token=%", "email=%4", ""}) {
                HttpResponse<String> answer = post(path, FORM, body);
                assertEquals(400, answer.statusCode(), path + " " + body);
                // Refused by FormBodies before the framework's parser, which logged a stack trace first.
                assertTrue(answer.body().startsWith("Lomaketta ei voitu lukea."), path + " " + body + " → " + answer.body());
            }
        }
    }

    @Test
    void aMultipartBodyIsRefusedForNoPageTakesAFile() throws Exception {
        assertEquals(415, post("/logout", "multipart/form-data; boundary=x", "csrf-token=abc").statusCode());
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsReplacementCharactersAndTheFormIsRefusedLikeAnyOther() throws Exception {
        HttpResponse<String> answer = post("/login/identifier", FORM, "email=%C3%28");
        assertEquals(400, answer.statusCode());
        assertTrue(answer.body().contains("<html"), "the form page again, with its error");
    }

    @Test
    void aPercentSignTypedInAFieldArrivesAsItWasTyped() {
        Response page = given().get("/login");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        given().cookie("__Host-portal_csrf", page.getCookie("__Host-portal_csrf")).contentType("application/x-www-form-urlencoded")
                .body("csrf-token=" + token + "&email=sata%25%2B1%40example.com&password=")
                .post("/login/password").then().statusCode(400)
                .body(containsString("value=\"sata%+1@example.com\""));
    }

    /** A raw post, bypassing REST Assured's encoding, that gives up after five seconds rather than hang. */
    private static HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
