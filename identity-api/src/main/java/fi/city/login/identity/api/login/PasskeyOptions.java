package fi.city.login.identity.api.login;

/**
 * A passkey ceremony's options, as the JSON text the browser's {@code PublicKeyCredential.parseCreationOptionsFromJSON}
 * (a registration) or {@code parseRequestOptionsFromJSON} (a login) takes; the portal hands it to its script as is.
 */
public record PasskeyOptions(String publicKey) {
}
