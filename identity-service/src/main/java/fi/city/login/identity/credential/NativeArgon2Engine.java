package fi.city.login.identity.credential;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;

/** The reference C implementation (libargon2) through JNA: the fastest engine where it loads. */
public final class NativeArgon2Engine implements Argon2Engine {

    private final Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);

    /** Throws (an {@link UnsatisfiedLinkError} or similar) when libargon2 cannot load on this platform. */
    public NativeArgon2Engine() {
        hash(new byte[] {1}, new byte[16], new Argon2Cost(8, 1, 1), 16);
    }

    @Override
    public byte[] hash(byte[] password, byte[] salt, Argon2Cost cost, int hashLength) {
        return argon2.rawHashAdvanced(cost.iterations(), cost.memoryKib(), cost.parallelism(), password, salt,
                null, null, hashLength, Argon2Version.V13);
    }

    @Override
    public String name() {
        return "libargon2 (argon2-jvm)";
    }
}
