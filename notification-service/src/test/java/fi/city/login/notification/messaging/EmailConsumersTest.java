package fi.city.login.notification.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import fi.city.login.events.EmailAddressChange;
import fi.city.login.events.NoAccountNotice;
import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.events.PasswordResetRequested.Purpose;
import fi.city.login.events.SealedToken;
import fi.city.login.infra.Await;
import fi.city.login.infra.EmbeddedSmtpServer;
import fi.city.login.notification.delivery.DeliveryRetention;
import fi.city.login.infra.EmbeddedPostgresServer;
import fi.city.login.infra.quarkus.InjectPostgresServer;
import fi.city.login.infra.quarkus.InjectSmtpServer;
import fi.city.login.infra.quarkus.KafkaTestResource;
import fi.city.login.infra.quarkus.PostgresTestResource;
import fi.city.login.infra.quarkus.SmtpTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logmanager.ExtLogRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events in on a real Kafka topic, emails out through a real SMTP server, the log in a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "notification"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(SmtpTestResource.class)
class EmailConsumersTest {

    private static final String TOKEN = "tOkEn-" + UUID.randomUUID();
    /** identity-service seals with the public half of the local-only pair in dev-keys/. */
    private static final PublicKey LINK_TOKEN_KEY = SealedToken.publicKey("../dev-keys/link-token-public.pem");

    @io.quarkus.test.common.http.TestHTTPResource(value = "metrics", management = true)
    java.net.URL metrics;

    @InjectSmtpServer
    EmbeddedSmtpServer smtp;

    @InjectPostgresServer
    EmbeddedPostgresServer postgres;

    @Inject
    ObjectMapper json;

    @Inject
    Pool database;

    @Inject
    DeliveryRetention retention;

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static final String RESIDENTS_TRACE = "5b8efff798038103d269b633813fc60c";

    @Test
    void sendsTheFinnishEmailOfTheGuideOnceEvenWhenTheEventIsRedelivered() throws Exception {
        PasswordResetRequested event = event("erkki-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN);
        Queue<String> tracesOfSentLines = new ConcurrentLinkedQueue<>();
        Handler logLines = new Handler() {
            @Override
            public void publish(LogRecord line) {
                if (line instanceof ExtLogRecord record && record.getFormattedMessage().contains(event.eventId() + ": FIRST_LOGIN email sent")) {
                    tracesOfSentLines.add(String.valueOf(record.getMdc("traceId")));
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger emailLog = java.util.logging.Logger.getLogger(EmailOnce.class.getName());
        emailLog.addHandler(logLines);
        // As identity-service's outbox relay sends it: with the traceparent of the resident's request.
        send(PasswordResetRequested.TOPIC, event.accountId().toString(), json.writeValueAsString(event),
                "00-" + RESIDENTS_TRACE + "-b7ad6b7169203331-01");
        MimeMessage mail = awaitMailTo(event.email());
        Await.until("the log line of the send", Duration.ofSeconds(10), () -> !tracesOfSentLines.isEmpty());
        emailLog.removeHandler(logLines);
        assertEquals(List.of(RESIDENTS_TRACE), List.copyOf(tracesOfSentLines), "the JSON log line's mdc.traceId is the resident's trace");

        assertEquals("Asiointipalvelu: Vaihda unohtunut salasanasi", mail.getSubject());
        assertEquals("Asiointipalvelu <asiointipalvelu@city.example>", mail.getFrom()[0].toString());
        String text = EmbeddedSmtpServer.part(mail, "text/plain");
        assertTrue(text.contains("Alla olevalla linkillä pääset vaihtamaan unohtuneen salasanasi Asiointipalvelussa."), text);
        assertTrue(text.contains("Käyttäjätunnus: " + event.email()), text);
        assertTrue(text.contains("http://localhost:8080/recovery?token=" + TOKEN), text);
        assertTrue(text.contains("Ongelmatilanteissa ota yhteys kuntaan.\nAsiointipalvelun tuki, puh. 09 123 4567, tuki@city.example"), text);
        assertTrue(text.contains("Ystävällisin terveisin,\nAsiointipalvelu"), text);
        String html = EmbeddedSmtpServer.part(mail, "text/html");
        assertTrue(html.contains("<a href=\"http://localhost:8080/recovery?token=" + TOKEN + "\">"), html);
        awaitSent(event.eventId());
        assertEquals(RESIDENTS_TRACE, deliveryColumn(event.eventId(), "trace_id"), "the delivery log names the resident's trace");
        Await.until("the send's span", Duration.ofSeconds(10), () -> smtpSpanOf(RESIDENTS_TRACE).isPresent());
        SpanData smtp = smtpSpanOf(RESIDENTS_TRACE).orElseThrow();
        assertEquals("b7ad6b7169203331", smtp.getParentSpanId(), "the send is a child of the relay's span, in the resident's trace");
        assertEquals(SpanKind.CLIENT, smtp.getKind());
        assertEquals(StatusCode.UNSET, smtp.getStatus().getStatusCode());

        // The same event again, as after a consumer restart before the offset commit: no second email.
        publish(event);
        PasswordResetRequested marker = event("marker-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN);
        publish(marker);
        awaitMailTo(marker.email());
        assertEquals(1, mailsTo(event.email()).size());
    }

    @Test
    void writesInTheAccountsLanguage() throws Exception {
        PasswordResetRequested swedish = event("sven-" + UUID.randomUUID() + "@example.com", "sv", Purpose.FIRST_LOGIN);
        PasswordResetRequested english = event("anna-" + UUID.randomUUID() + "@example.com", "en", Purpose.FORGOTTEN_PASSWORD);
        publish(swedish);
        publish(english);
        MimeMessage sv = awaitMailTo(swedish.email());
        MimeMessage en = awaitMailTo(english.email());
        // A first password is chosen, not changed: Swedish and English say so (the Finnish keeps the guide's words).
        assertEquals("E-tjänsten: Välj ditt lösenord", sv.getSubject());
        assertTrue(EmbeddedSmtpServer.part(sv, "text/plain").contains("Användarnamn: " + swedish.email()));
        assertTrue(EmbeddedSmtpServer.part(sv, "text/plain").contains("Via länken nedan väljer du ett lösenord."));
        // From the service under its Swedish name, with the support contact in Swedish.
        assertEquals("E-tjänsten", ((jakarta.mail.internet.InternetAddress) sv.getFrom()[0]).getPersonal());
        assertTrue(EmbeddedSmtpServer.part(sv, "text/plain").contains("E-tjänsternas användarstöd, tfn 09 123 4567, tuki@city.example"));
        assertEquals("E-service", ((jakarta.mail.internet.InternetAddress) en.getFrom()[0]).getPersonal());
        assertEquals("E-service: Change your forgotten password", en.getSubject());
        assertTrue(EmbeddedSmtpServer.part(en, "text/plain").contains("Username: " + english.email()));
    }

    @Test
    void poisonEventGoesToTheDeadLetterTopicAndTheNextEventStillArrives() throws Exception {
        String poison = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"version\":1}";
        send(PasswordResetRequested.TOPIC, UUID.randomUUID().toString(), poison);
        PasswordResetRequested after = event("after-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN);
        publish(after);
        awaitMailTo(after.email());
        assertTrue(deadLetters().contains(poison));
    }

    @Test
    void aTokenSealedToThePreviousKeyIsStillMailedDuringAKeySwitch() throws Exception {
        PublicKey previous = SealedToken.publicKey("../dev-keys/link-token-previous-public.pem");
        PasswordResetRequested sealedBefore = event("ennen-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN,
                previous);
        publish(sealedBefore);
        MimeMessage mail = awaitMailTo(sealedBefore.email());
        assertTrue(EmbeddedSmtpServer.part(mail, "text/plain").contains("/recovery?token=" + TOKEN), "the link opened with the previous key");
    }

    @Test
    void aTokenNotSealedToThisServiceIsPoisonAndAVersionOneEventWithARawTokenToo() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PasswordResetRequested strangers = event("vieras-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN,
                generator.generateKeyPair().getPublic());
        publish(strangers);
        PasswordResetRequested victims = event("uhri-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FORGOTTEN_PASSWORD);
        PasswordResetRequested stolen = readdressed(victims, "hyokkaaja-" + UUID.randomUUID() + "@example.com");
        publish(stolen);
        String versionOne = "{\"eventId\":\"" + UUID.randomUUID() + "\",\"version\":1,\"accountId\":\"" + UUID.randomUUID()
                + "\",\"email\":\"raaka-" + UUID.randomUUID() + "@example.com\",\"displayName\":\"Raaka\",\"locale\":\"fi\","
                + "\"purpose\":\"FIRST_LOGIN\",\"token\":\"raw-token\",\"expiresAt\":\"2099-01-01T00:00:00Z\"}";
        send(PasswordResetRequested.TOPIC, UUID.randomUUID().toString(), versionOne);
        PasswordResetRequested marker = event("marker-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN);
        publish(marker);
        awaitMailTo(marker.email());
        assertEquals(0, mailsTo(strangers.email()).size());
        assertEquals(0, mailsTo(stolen.email()).size(), "a link re-addressed on the topic reaches no one");
        List<String> parked = deadLetters(4);
        assertTrue(parked.stream().anyMatch(value -> value.contains(strangers.eventId().toString())), parked.toString());
        assertTrue(parked.stream().anyMatch(value -> value.contains(stolen.eventId().toString())), parked.toString());
        String scraped = io.restassured.RestAssured.get(metrics).asString();
        java.util.regex.Matcher counted = java.util.regex.Pattern.compile(
                "(?m)^notification_dead_letters_total\\{event=\"PasswordResetRequested\"[^\\n]*? ([0-9.eE+-]+)$").matcher(scraped);
        assertTrue(counted.find() && Double.parseDouble(counted.group(1)) >= 3,
                "every event parked in the dead-letter topic is counted, for the alert: " + scraped.lines()
                        .filter(line -> line.startsWith("notification_dead_letters")).toList());
        assertTrue(parked.contains(versionOne));
    }

    @Test
    void aLoginCodeIsWrittenForTypingAndCarriesNoLink() throws Exception {
        UUID account = UUID.randomUUID();
        String email = "koodi-" + UUID.randomUUID() + "@example.com";
        Instant soon = Instant.now().plus(10, ChronoUnit.MINUTES);
        PasswordResetRequested code = new PasswordResetRequested(UUID.randomUUID(), PasswordResetRequested.VERSION, account,
                email, "Koodin Saaja", "fi", Purpose.LOGIN_CODE, SealedToken.seal("31415926",
                PasswordResetRequested.sealBinding(account, email, Purpose.LOGIN_CODE, soon), LINK_TOKEN_KEY), soon, Instant.now(), null);
        publish(code);
        MimeMessage mail = awaitMailTo(email);
        assertEquals("Asiointipalvelu: Kirjautumiskoodisi", mail.getSubject());
        String text = EmbeddedSmtpServer.part(mail, "text/plain");
        assertTrue(text.contains("\n31415926\n"), text);
        assertTrue(text.contains("Koodi on voimassa"), text);
        assertFalse(text.contains("http://localhost:8080/"), "no link: the code is typed on the page it was asked on");
        assertTrue(EmbeddedSmtpServer.part(mail, "text/html").contains("<strong>31415926</strong>"));
    }

    @Test
    void aNewBrowserNoticeSaysWhenAndWithWhatAndLinksToItWasntMe() throws Exception {
        UUID account = UUID.randomUUID();
        String email = "selain-" + UUID.randomUUID() + "@example.com";
        Instant soon = Instant.now().plus(1, ChronoUnit.HOURS);
        Instant loggedIn = Instant.parse("2026-12-08T10:15:00Z");
        PasswordResetRequested notice = new PasswordResetRequested(UUID.randomUUID(), PasswordResetRequested.VERSION, account,
                email, "Selaimen Omistaja", "sv", Purpose.NEW_BROWSER, SealedToken.seal(TOKEN,
                PasswordResetRequested.sealBinding(account, email, Purpose.NEW_BROWSER, soon), LINK_TOKEN_KEY), soon, loggedIn,
                "Firefox på Linux");
        publish(notice);
        MimeMessage mail = awaitMailTo(email);
        assertEquals("E-tjänsten: En inloggning från en ny webbläsare", mail.getSubject());
        String text = EmbeddedSmtpServer.part(mail, "text/plain");
        assertTrue(text.contains("Firefox på Linux"), text);
        assertTrue(text.contains("kl. 12.15"), "the login's time in the city's zone: " + text);
        assertTrue(text.contains("/secure-account?token="), text);
        assertFalse(text.contains("Om du inte har bett om"), "no \"if you didn't ask\": nobody asked for a notice");
    }

    @Test
    void anExpiredLinkIsNotMailed() throws Exception {
        UUID staleAccount = UUID.randomUUID();
        String late = "late-" + UUID.randomUUID() + "@example.com";
        Instant expired = Instant.now().minusSeconds(5);
        PasswordResetRequested stale = new PasswordResetRequested(UUID.randomUUID(), 2, staleAccount, late, "Myöhäinen", "fi",
                Purpose.FORGOTTEN_PASSWORD, SealedToken.seal(TOKEN, PasswordResetRequested.sealBinding(staleAccount, late,
                Purpose.FORGOTTEN_PASSWORD, expired), LINK_TOKEN_KEY), expired, Instant.now().minus(1, ChronoUnit.HOURS), null);
        publish(stale);
        PasswordResetRequested marker = event("marker-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN);
        publish(marker);
        awaitMailTo(marker.email());
        assertEquals(0, mailsTo(stale.email()).size());
        assertEquals("EXPIRED", deliveryStatus(stale.eventId()));
    }

    @Test
    void tellsTheOwnerOnceThatThePasswordChanged() throws Exception {
        PasswordChanged changed = new PasswordChanged(UUID.randomUUID(), 1, UUID.randomUUID(),
                "vaihtaja-" + UUID.randomUUID() + "@example.com", "Vaihtaja", "fi", Instant.parse("2026-11-25T10:15:00Z"));
        send(PasswordChanged.TOPIC, changed.accountId().toString(), json.writeValueAsString(changed));
        send(PasswordChanged.TOPIC, changed.accountId().toString(), json.writeValueAsString(changed));
        MimeMessage mail = awaitMailTo(changed.email());
        assertEquals("Asiointipalvelu: Salasanasi on vaihdettu", mail.getSubject());
        String text = EmbeddedSmtpServer.part(mail, "text/plain");
        assertTrue(text.contains("Asiointipalvelun salasanasi vaihdettiin 25.11.2026 klo 12.15."), text);
        assertTrue(text.contains("Jos et vaihtanut salasanaa"), text);

        PasswordResetRequested marker = event("marker-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN);
        publish(marker);
        awaitMailTo(marker.email());
        assertEquals(1, mailsTo(changed.email()).size());
        awaitSent(changed.eventId());
    }

    @Test
    void tellsAnAddressWithoutAnAccountOnceThatItHasNoneAndWhereToCreateOne() throws Exception {
        NoAccountNotice login = new NoAccountNotice(UUID.randomUUID(), NoAccountNotice.VERSION,
                "ei-tunnusta-" + UUID.randomUUID() + "@example.com", "fi", NoAccountNotice.Asked.LOGIN, Instant.now());
        NoAccountNotice swedish = new NoAccountNotice(UUID.randomUUID(), NoAccountNotice.VERSION,
                "inget-konto-" + UUID.randomUUID() + "@example.com", "sv", NoAccountNotice.Asked.PASSWORD_LINK, Instant.now());
        send(NoAccountNotice.TOPIC, login.eventId().toString(), json.writeValueAsString(login));
        send(NoAccountNotice.TOPIC, login.eventId().toString(), json.writeValueAsString(login));
        send(NoAccountNotice.TOPIC, swedish.eventId().toString(), json.writeValueAsString(swedish));

        MimeMessage fi = awaitMailTo(login.email());
        assertEquals("Asiointipalvelu: Osoitteella ei ole käyttäjätunnusta", fi.getSubject());
        String text = EmbeddedSmtpServer.part(fi, "text/plain");
        assertTrue(text.contains("yritti kirjautua Asiointipalveluun sähköpostiosoitteella " + login.email()), text);
        assertTrue(text.contains("http://localhost:8080/register"), text);
        assertTrue(EmbeddedSmtpServer.part(fi, "text/html").contains("<a href=\"http://localhost:8080/register\">"));
        MimeMessage sv = awaitMailTo(swedish.email());
        assertEquals("E-tjänsten: Adressen har inget användarnamn", sv.getSubject());
        assertTrue(EmbeddedSmtpServer.part(sv, "text/plain").contains("bad i e-tjänsten om en länk för att byta lösenord"));
        assertEquals(1, mailsTo(login.email()).size(), "a redelivered notice is not sent twice");
        awaitSent(login.eventId());
    }

    @Test
    void writesEachEmailOfAnAddressChangeOnceAndOnlyTheConfirmationAndTheCancellationCarryALink() throws Exception {
        UUID account = UUID.randomUUID();
        String fresh = "uusi-" + UUID.randomUUID() + "@example.com";
        String old = "vanha-" + UUID.randomUUID() + "@example.com";
        String inUse = "varattu-" + UUID.randomUUID() + "@example.com";
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS);
        EmailAddressChange confirm = new EmailAddressChange(UUID.randomUUID(), EmailAddressChange.VERSION, account, fresh,
                "Muuttava Asukas", "fi", EmailAddressChange.Stage.CONFIRM_NEW_ADDRESS, "v***a@example.com",
                SealedToken.seal(TOKEN, EmailAddressChange.sealBinding(account, fresh, EmailAddressChange.Stage.CONFIRM_NEW_ADDRESS,
                        tomorrow), LINK_TOKEN_KEY), tomorrow, Instant.now());
        EmailAddressChange changed = new EmailAddressChange(UUID.randomUUID(), EmailAddressChange.VERSION, account, old,
                "Muuttava Asukas", "sv", EmailAddressChange.Stage.CHANGED, "u***i@example.com", null, null, Instant.now());
        EmailAddressChange taken = new EmailAddressChange(UUID.randomUUID(), EmailAddressChange.VERSION, account, inUse,
                "Muuttava Asukas", "en", EmailAddressChange.Stage.ADDRESS_IN_USE, "v***a@example.com", null, null, Instant.now());
        EmailAddressChange linkWithoutToken = new EmailAddressChange(UUID.randomUUID(), EmailAddressChange.VERSION, account,
                "rikki-" + UUID.randomUUID() + "@example.com", "Muuttava Asukas", "fi",
                EmailAddressChange.Stage.CONFIRM_NEW_ADDRESS, "v***a@example.com", null, null, Instant.now());
        String warned = "varoitettu-" + UUID.randomUUID() + "@example.com";
        EmailAddressChange asked = new EmailAddressChange(UUID.randomUUID(), EmailAddressChange.VERSION, account, warned,
                "Muuttava Asukas", "en", EmailAddressChange.Stage.ASKED, "u***i@example.com",
                SealedToken.seal(TOKEN, EmailAddressChange.sealBinding(account, warned, EmailAddressChange.Stage.ASKED, tomorrow),
                        LINK_TOKEN_KEY), tomorrow, Instant.now());
        EmailAddressChange askedWithoutToken = new EmailAddressChange(UUID.randomUUID(), EmailAddressChange.VERSION, account,
                "rikki-" + UUID.randomUUID() + "@example.com", "Muuttava Asukas", "fi",
                EmailAddressChange.Stage.ASKED, "u***i@example.com", null, null, Instant.now());
        for (EmailAddressChange event : List.of(confirm, confirm, changed, taken, linkWithoutToken, asked, askedWithoutToken)) {
            send(EmailAddressChange.TOPIC, account.toString(), json.writeValueAsString(event));
        }

        MimeMessage link = awaitMailTo(fresh);
        assertEquals("Asiointipalvelu: Vahvista uusi sähköpostiosoitteesi", link.getSubject());
        String text = EmbeddedSmtpServer.part(link, "text/plain");
        assertTrue(text.contains("http://localhost:8080/email-change?token=" + TOKEN), text);
        assertTrue(text.contains("nykyisellä käyttäjätunnuksellasi v***a@example.com"), text);
        assertTrue(EmbeddedSmtpServer.part(link, "text/html").contains("<a href=\"http://localhost:8080/email-change?token=" + TOKEN));
        MimeMessage notice = awaitMailTo(old);
        assertEquals("E-tjänsten: Ditt användarnamn har bytts", notice.getSubject());
        String noticeText = EmbeddedSmtpServer.part(notice, "text/plain");
        assertTrue(noticeText.contains("till e-postadressen u***i@example.com"), noticeText);
        assertFalse(noticeText.contains("/email-change"), noticeText);
        MimeMessage inUseNotice = awaitMailTo(inUse);
        assertEquals("E-service: This address already has a username", inUseNotice.getSubject());
        assertTrue(EmbeddedSmtpServer.part(inUseNotice, "text/plain").contains("change the username v***a@example.com to the email address " + inUse));
        assertEquals(1, mailsTo(fresh).size(), "a redelivered confirmation is not sent twice");
        assertTrue(deadLetters(EmailAddressChange.TOPIC, 2).stream().anyMatch(letter -> letter.contains(linkWithoutToken.eventId().toString())),
                "a confirmation without its token is poison");
        assertTrue(deadLetters(EmailAddressChange.TOPIC, 2).stream().anyMatch(letter -> letter.contains(askedWithoutToken.eventId().toString())),
                "so is a cancellation without its token");
        MimeMessage warning = awaitMailTo(warned);
        assertEquals("E-service: A change of your username was requested", warning.getSubject());
        String warningText = EmbeddedSmtpServer.part(warning, "text/plain");
        assertTrue(warningText.contains("http://localhost:8080/email-change/cancel?token=" + TOKEN), warningText);
        assertTrue(warningText.contains("to the email address u***i@example.com"), warningText);
    }

    @Test
    void anEventThatArrivesWhileTheDatabaseRestartsIsSentOnceItIsBack() throws Exception {
        PasswordResetRequested event = event("tietokantakatko-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN);
        postgres.stop();
        try {
            publish(event);
            Thread.sleep(3_000); // the consumer meets the closed database, and waits
        } finally {
            postgres.startAgain();
        }
        awaitMailTo(event.email());
        awaitSent(event.eventId());
        assertEquals(1, mailsTo(event.email()).size(), "once, and not to the dead-letter topic");
    }

    @Test
    void deliveryRecordsAreRemovedThirtyDaysAfterTheirEventArrived() throws Exception {
        PasswordResetRequested event = event("vanha-" + UUID.randomUUID() + "@example.com", "fi", Purpose.FIRST_LOGIN);
        publish(event);
        awaitMailTo(event.email());
        retention.removeOld(Instant.now()).await().indefinitely();
        assertEquals(1, deliveryCount(event.eventId()), "a fresh record stays");
        assertTrue(retention.removeOld(Instant.now().plus(31, ChronoUnit.DAYS)).await().indefinitely() >= 1);
        assertEquals(0, deliveryCount(event.eventId()), "31 days later the record and its address are gone");
    }

    private java.util.Optional<SpanData> smtpSpanOf(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getName().equals("smtp send") && span.getTraceId().equals(traceId)).findFirst();
    }

    private long deliveryCount(UUID eventId) {
        return database.preparedQuery("SELECT count(*) FROM notification.delivery WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely().iterator().next().getLong(0);
    }

    private static PasswordResetRequested event(String email, String locale, Purpose purpose) {
        return event(email, locale, purpose, LINK_TOKEN_KEY);
    }

    /** A password link's event as identity-service writes it: its token sealed to {@code sealedTo}, for this email. */
    private static PasswordResetRequested event(String email, String locale, Purpose purpose, PublicKey sealedTo) {
        Instant now = Instant.now();
        UUID account = UUID.randomUUID();
        Instant expiresAt = now.plus(7, ChronoUnit.DAYS);
        String sealed = SealedToken.seal(TOKEN, PasswordResetRequested.sealBinding(account, email, purpose, expiresAt), sealedTo);
        return new PasswordResetRequested(UUID.randomUUID(), PasswordResetRequested.VERSION, account, email,
                "Erkki Esimerkki", locale, purpose, sealed, expiresAt, now, null);
    }

    /** The same event for another address, as whoever can write to the topic would re-address it. */
    private static PasswordResetRequested readdressed(PasswordResetRequested event, String email) {
        return new PasswordResetRequested(UUID.randomUUID(), event.version(), event.accountId(), email, event.displayName(),
                event.locale(), event.purpose(), event.sealedToken(), event.expiresAt(), event.occurredAt(), event.browser());
    }

    private void publish(PasswordResetRequested event) throws Exception {
        send(PasswordResetRequested.TOPIC, event.accountId().toString(), json.writeValueAsString(event));
    }

    private void send(String topic, String key, String value) throws Exception {
        send(topic, key, value, null);
    }

    private void send(String topic, String key, String value, String traceParent) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            if (traceParent != null) {
                record.headers().add("traceparent", traceParent.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            producer.send(record).get();
        }
    }

    private MimeMessage awaitMailTo(String address) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<MimeMessage> found = mailsTo(address);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no email to " + address);
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.messages()) {
            if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                found.add(message);
            }
        }
        return found;
    }

    /**
     * The delivery is recorded as sent just after the SMTP server has the email, so the test may look in
     * between; after a database restart the record may wait for the delivery log's back-off (1 s doubling).
     */
    private void awaitSent(UUID eventId) throws InterruptedException {
        Await.until("the delivery recorded as sent", Duration.ofSeconds(30), () -> "SENT".equals(deliveryStatus(eventId)));
    }

    private String deliveryStatus(UUID eventId) {
        return deliveryColumn(eventId, "status");
    }

    private String deliveryColumn(UUID eventId, String column) {
        var rows = database.preparedQuery("SELECT " + column + " FROM notification.delivery WHERE event_id = $1")
                .execute(Tuple.of(eventId)).await().indefinitely().iterator();
        // An event not yet recorded has no delivery row, and so no value.
        return rows.hasNext() ? rows.next().getString(column) : null;
    }

    private List<String> deadLetters() {
        return deadLetters(1);
    }

    private List<String> deadLetters(int atLeast) {
        return deadLetters(PasswordResetRequested.TOPIC, atLeast);
    }

    /** What the topic's dead-letter topic holds, once it holds at least {@code atLeast} (or 15 seconds have passed). */
    private List<String> deadLetters(String topic, int atLeast) {
        List<String> values = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic + ".dlq"));
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (values.size() < atLeast && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> values.add(record.value()));
            }
        }
        return values;
    }
}
