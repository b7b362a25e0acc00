package fi.city.login.identity.flow.oidc.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The token request's form body, read here rather than by the framework's form parser: a malformed
 * percent-escape must be answered with {@code invalid_request}, not leave the request unanswered (the
 * form parser throws where nothing answers; the fuzz test found it).
 */
final class TokenRequestForm {

    private static final int MAX_LENGTH = 8192;

    private TokenRequestForm() {
    }

    /** The fields, each named once; null when the body is not a well-formed form (RFC 6749 3.2). */
    static Map<String, String> parse(String body) {
        if (body == null || body.length() > MAX_LENGTH) {
            return null;
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                if (fields.put(name, value) != null) {
                    return null; // "parameters MUST NOT be included more than once"
                }
            } catch (IllegalArgumentException malformed) {
                return null;
            }
        }
        return fields;
    }
}
