package fi.city.login.stack;

import fi.city.login.events.EmailAddressChange;
import fi.city.login.events.NoAccountNotice;
import fi.city.login.events.PasswordChanged;
import fi.city.login.events.PasswordResetRequested;
import fi.city.login.infra.EmbeddedKafkaBroker;
import fi.city.login.infra.EmbeddedPostgresServer;
import fi.city.login.infra.EmbeddedSmtpServer;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.Map;

/**
 * The whole suite on one machine: PostgreSQL, a Kafka KRaft broker and an SMTP server that catches
 * mail, all embedded (unless the standard Quarkus variables name external ones), then the three
 * services from their packaged applications, with demo accounts. Used by {@code ./mvnw -Plocal} and by
 * the end-to-end browser test.
 */
public final class LocalStack implements AutoCloseable {

    /** Local development only: the password of the active demo account, printed on start. */
    public static final String DEMO_PASSWORD = "kolme kissaa katolla";
    /** Local development only: the authenticator-app secret of the demo account with two factors (Base32). */
    public static final String DEMO_TOTP_SECRET = "LOCALONLYDEMOKEY7KAISA2FACTOR234";
    /**
     * Local development only: a city system of the city's own (an archive keyed by the old usernames) that
     * may look accounts up and read their activity (client credentials). No e-service has these scopes.
     */
    public static final String DEMO_CLIENT_ID = "arkisto";
    public static final String DEMO_CLIENT_SECRET = "local-only-archive-secret";
    /** Local development only: the sample e-service's client (examples/asiointihistoria), OpenID Connect only. */
    public static final String EXAMPLE_CLIENT_ID = "asiointihistoria";
    public static final String EXAMPLE_CLIENT_SECRET = "local-only-demo-secret";
    /** Local development only: the client that imports the old system's users (ops/import-legacy-accounts.sh). */
    public static final String DEMO_IMPORT_CLIENT_ID = "tuonti";
    public static final String DEMO_IMPORT_CLIENT_SECRET = "local-only-import-secret";
    /** Local development only: ops' token for notification-service's POST /parked-deliveries/resend. */
    public static final String OPS_TOKEN = "local-only-ops-token";
    /** Local development only: the portal's own client, the only one that may run residents' flows. */
    public static final String PORTAL_CLIENT_ID = "portal";
    public static final String PORTAL_CLIENT_SECRET = "local-only-portal-secret";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    /** The sample e-service: not part of the suite, started beside it so that the whole journey can be walked. */
    private static final String EXAMPLE = "examples/asiointihistoria";

    /** Strong references: java.util.logging forgets the level of a logger that was garbage collected. */
    private static final List<Logger> QUIETED = new ArrayList<>();

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private EmbeddedSmtpServer smtp;
    private EmbeddedKafkaBroker kafka;
    private DevMailbox mailbox;
    private ServiceProcess portal;
    private ServiceProcess identity;
    private ServiceProcess notification;
    private ServiceProcess example;
    private Path root;
    private Map<String, String> identityEnv;
    private Map<String, String> notificationEnv;
    private Map<String, String> portalEnv;
    private PrintStream log;
    private final boolean classData;

    private LocalStack(boolean classData) {
        this.classData = classData;
    }

    /**
     * Starts everything and returns once all three services are ready.
     *
     * @param root the repository root, holding the three built services
     * @param env  the environment: external servers named there are used instead of embedded ones
     * @param log  where the services' output goes
     */
    public static LocalStack start(Path root, Ports ports, Map<String, String> env, PrintStream log) throws Exception {
        return start(root, ports, env, Map.of(), log);
    }

    /**
     * As {@link #start(Path, Ports, Map, PrintStream)}, with settings for one service only (its own
     * database user, say), by service name ({@code identity-service}, ...).
     */
    public static LocalStack start(Path root, Ports ports, Map<String, String> env,
                                   Map<String, Map<String, String>> perService, PrintStream log) throws Exception {
        return start(root, ports, env, perService, log, false);
    }

    /**
     * As {@link #start(Path, Ports, Map, PrintStream)}, each service from its class-data archive, or recording
     * it during this run if it has none for its packaged application yet ({@link ClassDataArchive}): the run
     * command's way, so that a second start of an unchanged build takes about half the time.
     */
    public static LocalStack startFromClassData(Path root, Ports ports, Map<String, String> env, PrintStream log)
            throws Exception {
        return start(root, ports, env, Map.of(), log, true);
    }

    private static LocalStack start(Path root, Ports ports, Map<String, String> env,
                                    Map<String, Map<String, String>> perService, PrintStream log, boolean classData)
            throws Exception {
        quietInfrastructureLogs();
        LocalStack stack = new LocalStack(classData);
        try {
            stack.startAll(root, ports, env, perService, log);
            return stack;
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
    }

    private void startAll(Path root, Ports ports, Map<String, String> env, Map<String, Map<String, String>> perService,
                          PrintStream log) throws Exception {
        Map<String, String> identityEnv = new HashMap<>(env);
        Map<String, String> notificationEnv = new HashMap<>(env);
        Map<String, String> portalEnv = new HashMap<>(env);
        identityEnv.putAll(perService.getOrDefault("identity-service", Map.of()));
        notificationEnv.putAll(perService.getOrDefault("notification-service", Map.of()));
        portalEnv.putAll(perService.getOrDefault("portal-ui-service", Map.of()));

        if (!env.containsKey("QUARKUS_DATASOURCE_REACTIVE_URL")) {
            EmbeddedPostgresServer postgres = remember(EmbeddedPostgresServer.start("identity", "notification"));
            database(identityEnv, postgres, "identity");
            database(notificationEnv, postgres, "notification");
        }
        if (!env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
            kafka = remember(EmbeddedKafkaBroker.start());
            createTopics(kafka);
            identityEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            notificationEnv.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        }
        if (!env.containsKey("QUARKUS_MAILER_HOST")) {
            smtp = remember(EmbeddedSmtpServer.start(ports.smtp()));
            mailbox = remember(DevMailbox.start(ports.mailbox(), smtp));
            notificationEnv.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            notificationEnv.put("QUARKUS_MAILER_PORT", String.valueOf(smtp.port()));
        }

        KeyPairFiles linkTokenKeys = remember(KeyPairFiles.make("link-token", "X25519"));
        KeyPairFiles signingKey = remember(KeyPairFiles.make("token-signing", "RSA"));
        identityEnv.putIfAbsent("IDENTITY_TOKEN_SIGNING_KEY_LOCATION", signingKey.privateKey().toString());
        identityEnv.putIfAbsent("IDENTITY_LINK_TOKEN_RECIPIENT_KEY_LOCATION", linkTokenKeys.publicKey().toString());
        notificationEnv.putIfAbsent("NOTIFICATION_OPS_TOKEN_SHA256", sha256Hex(OPS_TOKEN));
        notificationEnv.putIfAbsent("NOTIFICATION_LINK_TOKEN_KEY_LOCATION", linkTokenKeys.privateKey().toString());

        String portalUrl = "http://localhost:" + ports.portal();
        String identityUrl = "http://localhost:" + ports.identity();
        String exampleUrl = "http://localhost:" + ports.example();
        for (Map<String, String> service : List.of(identityEnv, notificationEnv, portalEnv)) {
            service.putIfAbsent("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        }
        // One replica has nobody to hand its callers to when it stops: no shutdown delay (production waits 5 s).
        identityEnv.putIfAbsent("QUARKUS_SHUTDOWN_DELAY", "0s");
        portalEnv.putIfAbsent("QUARKUS_SHUTDOWN_DELAY", "0s");
        // The "local" profile: the one that may seed demo accounts.
        identityEnv.putIfAbsent("QUARKUS_PROFILE", "local");
        identityEnv.putIfAbsent("IDENTITY_DEMO_ENABLED", "true");
        identityEnv.putIfAbsent("IDENTITY_DEMO_ACTIVE_ACCOUNT_PASSWORD", DEMO_PASSWORD);
        identityEnv.putIfAbsent("IDENTITY_DEMO_SECOND_FACTOR_SECRET", DEMO_TOTP_SECRET);
        identityEnv.putIfAbsent("IDENTITY_TOKEN_ISSUER", identityUrl);
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_ARKISTO_SECRET_SHA256", sha256Hex(DEMO_CLIENT_SECRET));
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_ARKISTO_SCOPES", "accounts:read,accounts:activity");
        // The sample e-service (examples/asiointihistoria) logs residents in, and holds nothing more.
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_ASIOINTIHISTORIA_SECRET_SHA256", sha256Hex(EXAMPLE_CLIENT_SECRET));
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_ASIOINTIHISTORIA_SCOPES", "openid,profile,email");
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_ASIOINTIHISTORIA_REDIRECT_URIS", exampleUrl + "/callback");
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_ASIOINTIHISTORIA_POST_LOGOUT_REDIRECT_URIS", exampleUrl + "/");
        identityEnv.putIfAbsent("IDENTITY_OIDC_PORTAL_URL", portalUrl);
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_TUONTI_SECRET_SHA256", sha256Hex(DEMO_IMPORT_CLIENT_SECRET));
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_TUONTI_SCOPES", "accounts:import");
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_PORTAL_SECRET_SHA256", sha256Hex(PORTAL_CLIENT_SECRET));
        identityEnv.putIfAbsent("IDENTITY_CLIENTS_PORTAL_SCOPES", "portal");
        portalEnv.putIfAbsent("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", PORTAL_CLIENT_SECRET);
        notificationEnv.putIfAbsent("NOTIFICATION_PORTAL_URL", portalUrl);
        portalEnv.putIfAbsent("QUARKUS_REST_CLIENT_IDENTITY_URL", identityUrl);

        this.root = root;
        this.identityEnv = identityEnv;
        this.notificationEnv = notificationEnv;
        this.portalEnv = portalEnv;
        this.log = log;
        identity = remember(ServiceProcess.start("identity-service", root, ports.identity(), ports.identityManagement(),
                identityEnv, log, classData));
        notification = remember(ServiceProcess.start("notification-service", root, ports.notification(),
                ports.notificationManagement(), notificationEnv, log, classData));
        portal = remember(ServiceProcess.start("portal-ui-service", root, ports.portal(), ports.portalManagement(),
                portalEnv, log, classData));
        identity.awaitReady(READY_TIMEOUT);
        // After identity-service: the e-service reads its discovery document before it listens, and a port
        // chosen free is best taken at once.
        Map<String, String> exampleEnv = new HashMap<>(Map.of("IDENTITY_URL", identityUrl,
                "QUARKUS_OIDC_CREDENTIALS_SECRET", EXAMPLE_CLIENT_SECRET));
        example = remember(ServiceProcess.start(EXAMPLE, root, ports.example(), ports.exampleManagement(), exampleEnv, log,
                classData));
        notification.awaitReady(READY_TIMEOUT);
        portal.awaitReady(READY_TIMEOUT);
        example.awaitReady(READY_TIMEOUT);
    }

    /**
     * The topics as ops provision them. A consumer that subscribes before its topic exists would find it
     * only at its next metadata refresh (minutes later), so they exist before any service starts.
     */
    public static void createTopics(EmbeddedKafkaBroker kafka) throws Exception {
        // Retention no longer than the longest link lifetime (7 days): the event carries the link's token, sealed.
        Map<String, String> linkRetention = Map.of("retention.ms", String.valueOf(Duration.ofDays(7).toMillis()));
        kafka.createTopic(PasswordResetRequested.TOPIC, 3, linkRetention);
        kafka.createTopic(PasswordResetRequested.TOPIC + ".dlq", 1, linkRetention);
        kafka.createTopic(PasswordChanged.TOPIC, 3, Map.of());
        kafka.createTopic(PasswordChanged.TOPIC + ".dlq", 1, Map.of());
        // An address without an account, in the clear: kept no longer than a week either.
        kafka.createTopic(NoAccountNotice.TOPIC, 3, linkRetention);
        kafka.createTopic(NoAccountNotice.TOPIC + ".dlq", 1, linkRetention);
        // Confirmation links (sealed tokens, 24 h) and addresses: a week too.
        kafka.createTopic(EmailAddressChange.TOPIC, 3, linkRetention);
        kafka.createTopic(EmailAddressChange.TOPIC + ".dlq", 1, linkRetention);
    }

    private static void database(Map<String, String> env, EmbeddedPostgresServer postgres, String database) {
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", postgres.reactiveUrl(database));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedPostgresServer.USER);
        env.put("QUARKUS_DATASOURCE_PASSWORD", EmbeddedPostgresServer.PASSWORD);
    }

    private static String sha256Hex(String text) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private <T extends AutoCloseable> T remember(T resource) {
        started.push(resource);
        return resource;
    }

    /**
     * Another identity-service replica on the same database, Kafka broker and keys, as a second pod would
     * be; it seeds no demo accounts. Ready when returned; stopped with the stack.
     */
    public ServiceProcess startIdentityReplica(int port, int managementPort) throws InterruptedException {
        return startIdentityReplica(port, managementPort, Map.of());
    }

    /** An identity-service replica with some settings of its own (environment variables), such as a smaller hashing pool. */
    public ServiceProcess startIdentityReplica(int port, int managementPort, Map<String, String> settings)
            throws InterruptedException {
        Map<String, String> env = new HashMap<>(identityEnv);
        env.put("IDENTITY_DEMO_ENABLED", "false");
        env.putAll(settings);
        return startReplica("identity-service", port, managementPort, env);
    }

    /**
     * Another notification-service replica on the same database, Kafka consumer group, SMTP server and key,
     * as a second pod would be. Ready when returned; stopped with the stack.
     */
    public ServiceProcess startNotificationReplica(int port, int managementPort) throws InterruptedException {
        return startReplica("notification-service", port, managementPort, notificationEnv);
    }

    /** Another portal-ui-service replica on the same identity-service, as a second pod would be. */
    public ServiceProcess startPortalReplica(int port, int managementPort) throws InterruptedException {
        return startPortalReplica(port, managementPort, Map.of());
    }

    /** A portal-ui-service replica with some settings of its own (environment variables), such as another identity-service. */
    public ServiceProcess startPortalReplica(int port, int managementPort, Map<String, String> settings)
            throws InterruptedException {
        Map<String, String> env = new HashMap<>(portalEnv);
        env.putAll(settings);
        return startReplica("portal-ui-service", port, managementPort, env);
    }

    private synchronized ServiceProcess startReplica(String service, int port, int managementPort, Map<String, String> env)
            throws InterruptedException {
        ServiceProcess replica = remember(ServiceProcess.start(service, root, port, managementPort, env, log));
        replicas.add(replica);
        replica.awaitReady(READY_TIMEOUT);
        return replica;
    }

    /** Stops the replicas started besides the stack's own services; the stack runs on. */
    public synchronized void stopReplicas() {
        replicas.forEach(ServiceProcess::requestStop);
        for (ServiceProcess replica : replicas) {
            replica.close();
            started.remove(replica);
        }
        replicas.clear();
    }

    public String portalUrl() {
        return portal.url();
    }

    public String identityUrl() {
        return identity.url();
    }

    /** Health and metrics of each of the three services, by service name. */
    public Map<String, String> managementUrls() {
        return Map.of("portal-ui-service", portal.managementUrl(), "identity-service", identity.managementUrl(),
                "notification-service", notification.managementUrl());
    }

    /**
     * The datasource settings a service was started with ({@code QUARKUS_DATASOURCE_*}, by service name), so
     * that a test can read what the service wrote.
     */
    public Map<String, String> datasourceOf(String service) {
        Map<String, String> env = switch (service) {
            case "identity-service" -> identityEnv;
            case "notification-service" -> notificationEnv;
            default -> throw new IllegalArgumentException("no database of its own: " + service);
        };
        Map<String, String> datasource = new java.util.TreeMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith("QUARKUS_DATASOURCE_")) {
                datasource.put(key, value);
            }
        });
        return datasource;
    }

    /** The sample e-service that logs residents in through the suite (OpenID Connect). */
    public String exampleUrl() {
        return example.url();
    }

    /** The three services and the sample e-service, as started with the stack (no replicas). */
    List<ServiceProcess> services() {
        return List.of(identity, notification, portal, example);
    }

    /** The dev mailbox page, or null when mail goes to an external SMTP server. */
    public String mailboxUrl() {
        return mailbox == null ? null : mailbox.url();
    }

    /** The embedded Kafka broker, or null when the services use an external one. */
    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    /** The embedded SMTP server, or null when mail goes to an external one. */
    public EmbeddedSmtpServer smtp() {
        return smtp;
    }

    /** Stops everything it started: all services at once first, then the servers they used. */
    @Override
    public synchronized void close() {
        started.stream().filter(ServiceProcess.class::isInstance).map(ServiceProcess.class::cast)
                .forEach(ServiceProcess::requestStop);
        while (!started.isEmpty()) {
            try {
                started.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping the local stack: " + e);
            }
        }
    }

    /** The repository root: the nearest folder upwards that holds the three services. */
    public static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("identity-service"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run from inside the repository");
        }
        return dir;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        LocalStack stack = startFromClassData(findRoot(), Ports.fromEnvironment(env), env, System.out);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "local-stack-shutdown"));
        System.out.println(banner(stack));
        Thread.currentThread().join();
    }

    /** Kafka and PostgreSQL narrate every step at INFO; the services' own output is what matters here. */
    private static synchronized void quietInfrastructureLogs() {
        for (String name : List.of("org.apache.kafka", "kafka", "state.change.logger", "io.zonky", "com.icegreen")) {
            Logger logger = Logger.getLogger(name);
            logger.setLevel(Level.WARNING);
            QUIETED.add(logger);
        }
    }

    private static String banner(LocalStack stack) {
        String mail = stack.mailboxUrl() == null ? "sent through your SMTP server (QUARKUS_MAILER_HOST)"
                : stack.mailboxUrl() + "   (every email sent, newest first, links clickable)";
        return """

                ================================================================================
                 City login suite is running.

                 Portal:        %s
                 Dev mailbox:   %s
                 A sample e-service that logs residents in through the portal (OpenID Connect):
                                %s   (Kirjaudu sisään, then the history of legacy username erkki)
                 Health and metrics (management ports): %s, %s, %s  (/q/health, /q/metrics)

                 Demo accounts:
                   esimerkki.erkki@example.com  Erkki Esimerkki, migrated (legacy username erkki),
                                                no password yet: the login sends a link by email
                   svensson.sven@example.com    Sven Svensson, migrated, writes in Swedish
                   virtanen.ville@example.com   Ville Virtanen, migrated (legacy username ville)
                   aktiivinen.anna@example.com  Anna Aktiivinen, active, password: %s
                   kaksivaihe.kaisa@example.com Kaisa Kaksivaihe, the same password and an authenticator app:
                                                add the key %s to your app (local only)

                 A city system that looks accounts up (client credentials, scopes accounts:read, accounts:activity):
                   curl -u %s:%s -d grant_type=client_credentials %s/oauth2/token
                   curl -H "Authorization: Bearer <access_token>" "%s/api/v1/accounts?legacyUsername=erkki"

                 Import the old system's users (a dry run; add --apply to import):
                   CLIENT_ID=%s CLIENT_SECRET=%s ops/import-legacy-accounts.sh ops/sample-legacy-accounts.csv

                 Press Ctrl-C to stop everything.
                ================================================================================
                """.formatted(stack.portalUrl(), mail, stack.exampleUrl(), stack.portal.managementUrl(), stack.identity.managementUrl(),
                stack.notification.managementUrl(), DEMO_PASSWORD, DEMO_TOTP_SECRET, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET,
                stack.identityUrl(), stack.identityUrl(), DEMO_IMPORT_CLIENT_ID, DEMO_IMPORT_CLIENT_SECRET);
    }
}
