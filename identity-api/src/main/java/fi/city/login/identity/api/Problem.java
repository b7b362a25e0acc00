package fi.city.login.identity.api;

import java.util.List;

/**
 * RFC 9457 problem details, as identity-service answers every refusal ({@value #MEDIA_TYPE}).
 * {@code type} is a {@link ProblemType#type()} or {@code about:blank}.
 */
public record Problem(String type, String title, int status, String detail, List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record InvalidParam(String name, String reason) {
    }
}
