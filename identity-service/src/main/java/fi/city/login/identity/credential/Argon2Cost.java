package fi.city.login.identity.credential;

import java.util.List;

/** The Argon2id cost parameters: memory in KiB, passes over it, and lanes. */
public record Argon2Cost(int memoryKib, int iterations, int parallelism) {

    /**
     * OWASP's equally strong minimum configurations (Password Storage Cheat Sheet): less memory must be
     * paid for with more passes.
     */
    private static final List<Argon2Cost> OWASP_MINIMUMS = List.of(
            new Argon2Cost(47104, 1, 1), new Argon2Cost(19456, 2, 1), new Argon2Cost(12288, 3, 1),
            new Argon2Cost(9216, 4, 1), new Argon2Cost(7168, 5, 1));

    public boolean meetsOwaspMinimum() {
        return parallelism >= 1 && OWASP_MINIMUMS.stream()
                .anyMatch(minimum -> memoryKib >= minimum.memoryKib && iterations >= minimum.iterations);
    }
}
