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

    @Test
    void aBadPercentEscapeInAFormIsRefused() throws Exception {
        for (String path : new String[] {"/login/identifier", "/login/password", "/recovery", "/forgot", "/register",
                "/account/password", "/logout"}) {
            for (String body : new String[] {"email=%zz", "%s%s%n=1", "csrf-token=%", "email=%4", ""}) {
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                        .timeout(Duration.ofSeconds(5))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(400, answer.statusCode(), path + " " + body);
                // Refused by FormBodies before the framework's parser, which logged a stack trace first.
                assertTrue(answer.body().startsWith("Lomaketta ei voitu lukea."), path + " " + body + " → " + answer.body());
            }
        }
    }

    @Test
    void aMultipartBodyIsRefusedForNoPageTakesAFile() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/logout"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.ofString("csrf-token=abc")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(415, answer.statusCode());
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsReplacementCharactersAndTheFormIsRefusedLikeAnyOther() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/login/identifier"))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=%C3%28")).build(), HttpResponse.BodyHandlers.ofString());
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
}
