package fi.city.login.bench;

import fi.city.login.identity.credential.Argon2Cost;
import fi.city.login.identity.credential.Argon2Engine;
import fi.city.login.identity.credential.BouncyCastleArgon2Engine;
import fi.city.login.identity.credential.NativeArgon2Engine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * One Argon2id hash, the cost of one password login, by each engine at equal parameters: OWASP's
 * minimum (our default) and Keycloak's default. Login throughput per core is 1000 / this time in ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class Argon2EnginesBenchmark {

    /** memory KiB / iterations / lanes */
    @Param({"19456/2/1", "7168/5/1"})
    public String cost;

    @Param({"native", "bouncycastle"})
    public String engine;

    private final byte[] password = "vihreä polkupyörä ja kuusi kuppia".getBytes(StandardCharsets.UTF_8);
    private final byte[] salt = new byte[16];
    private Argon2Engine argon2;
    private Argon2Cost argon2Cost;

    @Setup
    public void setUp() {
        argon2 = engine.equals("native") ? new NativeArgon2Engine() : new BouncyCastleArgon2Engine();
        String[] parts = cost.split("/");
        argon2Cost = new Argon2Cost(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
    }

    @Benchmark
    public byte[] hash() {
        return argon2.hash(password, salt, argon2Cost, 32);
    }
}
