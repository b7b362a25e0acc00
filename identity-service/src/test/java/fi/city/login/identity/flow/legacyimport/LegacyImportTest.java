package fi.city.login.identity.flow.legacyimport;

import fi.city.login.identity.support.RealServers;
import fi.city.login.identity.support.TestAccounts;
import fi.city.login.identity.support.TestAccounts.Migrated;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static fi.city.login.identity.support.IdentityCalls.identify;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The old system's users come in by file: checked first, applied once, harmless to re-run. */
@QuarkusTest
@RealServers
class LegacyImportTest {

    @Inject
    TestAccounts accounts;

    @Test
    void aDryRunReportsEveryRejectionAndMergeAndTheRealRunAppliesItOnce() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        Migrated existing = accounts.migrated("Jo Tuotu", "fi");
        String csv = String.join("\n",
                "legacy_username,email,display_name,locale",
                "maija" + s + ",maija." + s + "@example.com,Maija Meikäläinen,fi",
                "huono" + s + ",ei-osoite,Huono Osoite,fi",
                "pekka" + s + ",pekka." + s + "@example.com,Pekka Perhe,sv",
                "pekka2" + s + ", PEKKA." + s + "@Example.com ,Pekka Perhe,sv",
                "maija" + s + ",toinen." + s + "@example.com,Maija Kopio,fi",
                existing.legacyUsername() + ",vieras." + s + "@example.com,Joku Muu,fi",
                "uusi" + s + "," + existing.email() + ",Jo Tuotu,fi",
                "\"Lainaus, " + s + "\",\"lainaus." + s + "@example.com\",\"Sukunimi, Etunimi\",en") + "\n";

        importCsv(csv, true).statusCode(200)
                .body("dryRun", equalTo(true)).body("rows", equalTo(8))
                .body("outcomes.NEW_ACCOUNT", equalTo(3))
                .body("outcomes.MERGED", equalTo(1))
                .body("outcomes.MERGED_INTO_EXISTING", equalTo(1))
                .body("outcomes.REJECTED_BAD_EMAIL", equalTo(1))
                .body("outcomes.REJECTED_USERNAME_REPEATED", equalTo(1))
                .body("outcomes.REJECTED_USERNAME_TAKEN", equalTo(1))
                .body("rejectedOrMerged.line", equalTo(List.of(3, 5, 6, 7, 8)))
                .body("rejectedOrMerged.outcome", equalTo(List.of("REJECTED_BAD_EMAIL", "MERGED",
                        "REJECTED_USERNAME_REPEATED", "REJECTED_USERNAME_TAKEN", "MERGED_INTO_EXISTING")));
        assertEquals(0L, accounts.countByEmail("maija." + s + "@example.com"), "a dry run writes nothing");

        importCsv(csv, false).statusCode(200).body("dryRun", equalTo(false)).body("outcomes.NEW_ACCOUNT", equalTo(3));
        assertEquals(Set.of("pekka" + s, "pekka2" + s), Set.copyOf(accounts.legacyUsernamesOf("pekka." + s + "@example.com")));
        assertEquals(Set.of(existing.legacyUsername(), "uusi" + s), Set.copyOf(accounts.legacyUsernamesOf(existing.email())));
        assertEquals(List.of("Lainaus, " + s), accounts.legacyUsernamesOf("lainaus." + s + "@example.com"));
        identify("maija." + s + "@example.com").then().body("next", equalTo("LINK_SENT"));

        importCsv(csv, false).statusCode(200)
                .body("outcomes.UNCHANGED", equalTo(5)).body("outcomes.NEW_ACCOUNT", equalTo(null));
        assertEquals(1L, accounts.countByEmail("pekka." + s + "@example.com"));
    }

    @Test
    void jsonLinesImportToo() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String ndjson = "{\"legacy_username\":\"json" + s + "\",\"email\":\"json." + s + "@example.com\","
                + "\"display_name\":\"Jason Json\",\"locale\":\"en\"}\n";
        given().auth().oauth2(token()).contentType("application/x-ndjson").queryParam("apply", true)
                .body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/admin/legacy-imports").then().statusCode(200).body("outcomes.NEW_ACCOUNT", equalTo(1));
        assertEquals(List.of("json" + s), accounts.legacyUsernamesOf("json." + s + "@example.com"));
    }

    @Test
    void withoutApplyItIsADryRunAndARowThatCannotBeStoredIsRejectedInTheReport() {
        String s = UUID.randomUUID().toString().substring(0, 8);
        String csv = String.join("\n",
                "legacy_username,email,display_name,locale",
                "kieli" + s + ",kieli." + s + "@example.com,Pitkä Kieli,suomeksi",
                "ohjaus" + s + ",ohjaus." + s + "@example.com,Ohjaus\u0007Merkki,fi",
                "sarkain" + s + "\u0009x,sarkain." + s + "@example.com,Sarkain Nimessä,fi",
                "hyva" + s + ",hyva." + s + "@example.com,Hyvä Rivi,fi") + "\n";
        given().auth().oauth2(token()).contentType("text/csv; charset=UTF-8").body(csv)
                .post("/api/v1/admin/legacy-imports").then().statusCode(200)
                .body("dryRun", equalTo(true))
                .body("outcomes.REJECTED_BAD_LANGUAGE", equalTo(1))
                .body("outcomes.REJECTED_BAD_NAME", equalTo(1))
                .body("outcomes.REJECTED_BAD_USERNAME", equalTo(1))
                .body("outcomes.NEW_ACCOUNT", equalTo(1));
        assertEquals(0L, accounts.countByEmail("hyva." + s + "@example.com"), "no apply=true, nothing written");
    }

    @Test
    void anUnreadableFileImportsNothingAndOnlyImportersMayImport() {
        given().auth().oauth2(token()).contentType("application/json").body("[{\"legacy_username\": \"x\", ")
                .post("/api/v1/admin/legacy-imports").then().statusCode(400)
                .body("type", equalTo("/problems/import-unreadable"));
        given().contentType("text/csv; charset=UTF-8").body("legacy_username,email,display_name\n")
                .post("/api/v1/admin/legacy-imports").then().statusCode(401);
    }

    @Test
    void anExportLargerThanTheServersDefaultLimitIsReadWhileEveryOtherBodyStaysSmall() throws Exception {
        // 20,000 rows of 600-character names: 12 MB, past Quarkus' default limit of 10 MB.
        StringBuilder csv = new StringBuilder("legacy_username,email,display_name,locale\n");
        String name = "Nimi ".repeat(120);
        for (int i = 0; i < 20_000; i++) {
            csv.append("iso").append(i).append(",iso.").append(i).append("@example.com,").append(name).append(",fi\n");
        }
        byte[] body = csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(body.length > 10 * 1024 * 1024, "larger than the default limit: " + body.length);
        importCsv(csv.toString(), true).statusCode(200).body("rows", equalTo(20_000));

        String big = "x".repeat(300 * 1024);
        given().contentType("application/json").body("{\"email\":\"" + big + "\",\"password\":\"p\",\"rememberMe\":false}")
                .post("/api/v1/login/password").then().statusCode(413).body("type", equalTo("/problems/request-too-large"));
        // An HTTP/1.1 body of unknown length (chunked) is refused: its size would be known only once read.
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).build().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port
                                + "/api/v1/login/password")).header("Content-Type", "application/json")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream("{}".getBytes()))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode());
    }

    private static ValidatableResponse importCsv(String csv, boolean dryRun) {
        return given().auth().oauth2(token()).contentType("text/csv; charset=UTF-8").queryParam("apply", !dryRun).body(csv)
                .post("/api/v1/admin/legacy-imports").then();
    }

    private static String token() {
        return given().auth().preemptive().basic("tuonti", "test-only-secret-for-tuonti")
                .formParam("grant_type", "client_credentials").post("/oauth2/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
