package fi.city.login.identity.credential;

/** One implementation of raw Argon2id (version 1.3). Every engine gives the same bytes for the same input. */
public interface Argon2Engine {

    byte[] hash(byte[] password, byte[] salt, Argon2Cost cost, int hashLength);

    String name();
}
