package fi.city.login.identity.api.oidc;

/**
 * What the portal's end-session endpoint does with a logout request.
 *
 * @param endAtOnce   the request carried an ID token that was issued for the browser's own live session, so
 *                    the e-service the resident used in this browser asks: the portal logs out at once.
 *                    Otherwise it asks the resident first: an ID token from anywhere else (a link posted on any
 *                    site) must not log visitors out
 * @param loggedIn    the browser has a live session to end; without one there is nothing to ask about
 * @param redirectUri where to send the resident afterwards: the registered post-logout URI asked for, or
 *                    null for the portal's own page
 */
public record LogoutResponse(boolean endAtOnce, boolean loggedIn, String redirectUri) {
}
