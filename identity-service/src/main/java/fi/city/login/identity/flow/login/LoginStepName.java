package fi.city.login.identity.flow.login;

/**
 * The steps a login flow can stop at, waiting for the resident. The next factor (strong identification,
 * a passkey as the second factor) is one more name here and one more step class, not a new flow.
 */
public enum LoginStepName {
    SECOND_FACTOR
}
