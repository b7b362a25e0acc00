package fi.city.login.identity.api.oidc;

/**
 * @param fromKnownService    the request carried an ID token of ours, so an e-service the resident used asks:
 *                            the portal logs out at once. Otherwise it asks the resident first (a link on
 *                            any site could otherwise log residents out)
 * @param redirectUri         where to send the resident afterwards: the registered post-logout URI asked for,
 *                            or null for the portal's own front page
 */
public record LogoutResponse(boolean fromKnownService, String redirectUri) {
}
