package fi.city.login.identity.password;

/** The hashing pool is full: the caller should retry shortly. */
public class HashingOverloadedException extends RuntimeException {

    public HashingOverloadedException() {
        super("password hashing is at capacity", null, false, false);
    }
}
