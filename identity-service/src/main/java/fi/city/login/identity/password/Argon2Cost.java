package fi.city.login.identity.password;

/** The Argon2id cost parameters: memory in KiB, passes over it, and lanes. */
public record Argon2Cost(int memoryKib, int iterations, int parallelism) {
}
