package fi.city.login.stack;

import fi.city.login.infra.Await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a Kubernetes Service does for a Deployment's replicas, for tests: one address that forwards each new
 * TCP connection to a replica whose readiness probe last answered 200 (probed every second, as the
 * endpoints controller follows readiness), round robin. A connection stays with its replica until one side
 * closes it, as with kube-proxy.
 */
final class ServiceProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Replica> replicas;
    private final List<Replica> ready = new CopyOnWriteArrayList<>();
    private final Map<Replica, AtomicInteger> connections = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean open = true;

    /** A replica: where it serves, and its management address for the readiness probe. */
    record Replica(int port, String managementUrl) {
    }

    ServiceProxy(List<Replica> replicas) throws IOException {
        this.replicas = replicas;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        replicas.forEach(replica -> connections.put(replica, new AtomicInteger()));
        daemon(this::probe);
        daemon(this::accept);
    }

    String url() {
        return "http://localhost:" + listener.getLocalPort();
    }

    /** Until every replica's probe has answered 200, as the endpoints of a Service whose pods are all ready. */
    void awaitAllReady(Duration timeout) throws InterruptedException {
        Await.until("every replica in the Service's endpoints", timeout, () -> ready.size() == replicas.size());
    }

    /** New connections each replica was given. */
    int connectionsTo(Replica replica) {
        return connections.get(replica).get();
    }

    private void probe() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        while (open) {
            for (Replica replica : replicas) {
                boolean up;
                try {
                    up = client.send(HttpRequest.newBuilder(URI.create(replica.managementUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                } catch (IOException e) {
                    up = false;
                } catch (InterruptedException e) {
                    return;
                }
                if (up && !ready.contains(replica)) {
                    ready.add(replica);
                } else if (!up) {
                    ready.remove(replica);
                }
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void accept() {
        while (open) {
            try {
                Socket caller = listener.accept();
                List<Replica> candidates = List.copyOf(ready);
                if (candidates.isEmpty()) {
                    caller.close();
                    continue;
                }
                Replica replica = candidates.get(Math.floorMod(next.getAndIncrement(), candidates.size()));
                connections.get(replica).incrementAndGet();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), replica.port());
                daemon(() -> pipe(caller, upstream));
                daemon(() -> pipe(upstream, caller));
            } catch (IOException e) {
                // A replica refused the connection (it stopped between probes), or the proxy closed.
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException closed) {
            // Either side went away.
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "service-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
    }
}
