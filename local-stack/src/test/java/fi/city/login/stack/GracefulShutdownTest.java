package fi.city.login.stack;

import fi.city.login.infra.Await;
import fi.city.login.stack.MigratedResidents.Resident;
import fi.city.login.stack.ServiceProxy.Replica;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rolling updates under load. Two identity-service replicas behind a Service, one stopped (SIGTERM,
 * as Kubernetes does) and started again while residents keep logging in. No login fails: the stopping
 * replica reports not ready while it keeps serving for its shutdown delay, then finishes what is in flight
 * and closes its connections after the answers. (Without the drain, a third of the logins failed here.)
 */
@ExtendWith(SuiteUnderTest.class)
class GracefulShutdownTest {

    private static final String PASSWORD = "rullaava päivitys ei kaada";
    private static final Map<String, String> SHUTDOWN_DELAY = Map.of("QUARKUS_SHUTDOWN_DELAY", "3s");
    private static final int CALLERS = 8;

    @AfterAll
    static void stopTheReplicas() {
        SuiteUnderTest.stack().stopReplicas();
    }

    @Test
    void stoppingANotificationReplicaWhileLinksFlowLosesNoEmailAndSendsNoneTwice() throws Exception {
        LocalStack stack = SuiteUnderTest.stack();
        IdentityCalls calls = new IdentityCalls(stack);
        List<Resident> residents = new MigratedResidents(stack).create("Sammuvan Ilmoittajan Asukas", 300);
        Ports ports = Ports.free();
        ServiceProcess stopped = stack.startNotificationReplica(ports.notification(), ports.notificationManagement());

        // Links asked for at about 10 a second, before, while and for 2 s after the second replica stops (it is
        // stopped once it sends its share): however long its group join and its stop take on a busy machine.
        AtomicLong askUntil = new AtomicLong(Long.MAX_VALUE);
        Queue<String> asked = new ConcurrentLinkedQueue<>();
        Queue<Integer> refused = new ConcurrentLinkedQueue<>();
        Thread asking = new Thread(() -> {
            for (Resident resident : residents) {
                if (System.nanoTime() > askUntil.get()) {
                    return;
                }
                int status = calls.identify(stack.identityUrl(), resident.email()).statusCode();
                if (status == 200) {
                    asked.add(resident.email());
                } else {
                    refused.add(status);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        asking.start();
        Await.until("the second replica sends emails", Duration.ofSeconds(30), () -> stopped.lastLines().contains("email sent"));
        stopped.requestStop();
        assertTrue(Set.of(0, 143).contains(stopped.exitsWithin(Duration.ofSeconds(40))), "the replica stops by itself");
        assertTrue(asking.isAlive(), "links were still being asked for when it stopped");
        askUntil.set(System.nanoTime() + Duration.ofSeconds(2).toNanos());
        asking.join(60_000);
        assertEquals(List.of(), List.copyOf(refused), "every link asked for was answered 200");

        Set<String> addresses = Set.copyOf(asked);
        try {
            Await.until("an email to each of the " + addresses.size() + " residents", Duration.ofSeconds(60),
                    () -> Set.copyOf(calls.recipientsAmong(addresses)).size() == addresses.size());
        } catch (AssertionError missing) {
            throw new AssertionError(missing.getMessage() + "; " + Set.copyOf(calls.recipientsAmong(addresses)).size()
                    + " arrived. The stopped replica's last lines:\n" + stopped.lastLines(), missing);
        }
        NothingOnItsWay.await(stack);
        List<String> recipients = calls.recipientsAmong(addresses);
        assertEquals(addresses.size(), recipients.size(), "one email each, none twice: " + recipients.size() + " emails");
    }

    @Test
    void restartingOneOfTwoReplicasUnderLoginLoadFailsNoLogin() throws Exception {
        LocalStack stack = SuiteUnderTest.stack();
        IdentityCalls calls = new IdentityCalls(stack);
        List<Resident> residents = new MigratedResidents(stack).create("Rullaavan Päivityksen Asukas", 4);
        for (Resident resident : residents) {
            calls.identify(stack.identityUrl(), resident.email());
            assertEquals(204, calls.setPassword(stack.identityUrl(), calls.emailsTo(resident.email(), 1).get(0), PASSWORD).statusCode());
        }

        Ports stayingPorts = Ports.free();
        Ports restartedPorts = Ports.free();
        ServiceProcess staying = stack.startIdentityReplica(stayingPorts.identity(), stayingPorts.identityManagement(), SHUTDOWN_DELAY);
        ServiceProcess restarted = stack.startIdentityReplica(restartedPorts.identity(), restartedPorts.identityManagement(), SHUTDOWN_DELAY);
        Replica restartedReplica = new Replica(restartedPorts.identity(), restarted.managementUrl());
        try (ServiceProxy service = new ServiceProxy(List.of(new Replica(stayingPorts.identity(), staying.managementUrl()),
                restartedReplica))) {
            // Both replicas take connections from the start, so the one restarted has callers when it stops.
            service.awaitAllReady(Duration.ofSeconds(10));
            // The portal's client: HTTP/1.1 with connections kept open between requests.
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String token = MigratedResidents.clientToken(stack, LocalStack.PORTAL_CLIENT_ID, LocalStack.PORTAL_CLIENT_SECRET);
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger succeeded = new AtomicInteger();
            Queue<String> failed = new ConcurrentLinkedQueue<>();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                Resident resident = residents.get(i % residents.size());
                int caller = i;
                Thread thread = new Thread(() -> {
                    while (running.get()) {
                        HttpRequest login = HttpRequest.newBuilder(URI.create(service.url() + "/api/v1/login/password"))
                                .header("Authorization", "Bearer " + token)
                                .header("X-Client-Address", "10.78." + caller + ".1")
                                .header("Content-Type", "application/json")
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + resident.email()
                                        + "\",\"password\":\"" + PASSWORD + "\",\"rememberMe\":false}"))
                                .build();
                        try {
                            HttpResponse<String> answer = client.send(login, HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() == 200) {
                                succeeded.incrementAndGet();
                            } else {
                                failed.add(answer.statusCode() + " " + answer.body());
                            }
                        } catch (Exception e) {
                            failed.add(e.toString());
                        }
                    }
                }, "login-caller-" + i);
                thread.start();
                callers.add(thread);
            }

            // Fresh replicas answer their first logins only once their JIT has caught up: on a slow day of a
            // 2-core CI machine that took longer than the 3 s this test used to give them.
            Await.until("logins through both fresh replicas", Duration.ofSeconds(60), () -> succeeded.get() >= CALLERS);
            int beforeRestart = succeeded.get();
            restarted.requestStop();
            // 143: the JVM's exit status after SIGTERM, once its shutdown (delay, drain) has run.
            assertTrue(Set.of(0, 143).contains(restarted.exitsWithin(Duration.ofSeconds(40))), "the replica stops by itself");
            int duringRestart = succeeded.get();
            int connectionsToTheStopped = service.connectionsTo(restartedReplica);
            stack.startIdentityReplica(restartedPorts.identity(), restartedPorts.identityManagement(), SHUTDOWN_DELAY);
            Thread.sleep(4_000);
            running.set(false);
            for (Thread thread : callers) {
                thread.join(35_000);
            }

            assertEquals(List.of(), List.copyOf(failed).subList(0, Math.min(5, failed.size())),
                    failed.size() + " of " + (succeeded.get() + failed.size()) + " logins failed");
            assertTrue(beforeRestart > 0 && duringRestart > beforeRestart && succeeded.get() > duringRestart,
                    "logins went on before (" + beforeRestart + "), during (" + duringRestart + ") and after (" + succeeded.get() + ")");
            assertTrue(connectionsToTheStopped > 0, "the stopped replica had callers when it stopped");
        }
    }
}
