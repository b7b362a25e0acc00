package fi.city.login.identity.credential;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Pure Java Argon2id: slower, but runs wherever the JVM does. The fallback when libargon2 cannot load. */
public final class BouncyCastleArgon2Engine implements Argon2Engine {

    @Override
    public byte[] hash(byte[] password, byte[] salt, Argon2Cost cost, int hashLength) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[hashLength];
        generator.generateBytes(password, hash);
        return hash;
    }

    @Override
    public String name() {
        return "Bouncy Castle";
    }
}
