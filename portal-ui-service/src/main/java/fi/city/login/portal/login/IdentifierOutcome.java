package fi.city.login.portal.login;

import fi.city.login.identity.api.login.IdentifierResponse;
import fi.city.login.identity.api.login.IdentifierResponse.NextStep;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * What the identifier step answered, kept in the browser ({@link fi.city.login.portal.page.Cookies#LOGIN_STEP})
 * so that the page it led to can be shown again without asking again: switching language on the password
 * step or on "check your email" keeps the page, and sends no second link. Nothing in it is trusted: the
 * password step checks the address and password from scratch.
 *
 * @param email       the address or old username as typed
 * @param maskedEmail the address an old username became, partly hidden; or null
 */
record IdentifierOutcome(NextStep next, String email, String maskedEmail) {

    private static final int MAX_LENGTH = 2000;

    static IdentifierOutcome of(IdentifierResponse response, String email) {
        return new IdentifierOutcome(response.next(), email, response.maskedEmail());
    }

    /** BASE64URL of the three fields, one per line (a cookie value may not hold every character typed). */
    String encode() {
        String plain = next.name() + "\n" + email + "\n" + (maskedEmail == null ? "" : maskedEmail);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<IdentifierOutcome> decode(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        try {
            String[] fields = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\n", -1);
            if (fields.length != 3 || fields[1].isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new IdentifierOutcome(NextStep.valueOf(fields[0]), fields[1],
                    fields[2].isEmpty() ? null : fields[2]));
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
