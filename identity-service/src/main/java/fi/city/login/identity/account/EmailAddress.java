package fi.city.login.identity.account;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address as the username: trimmed, and compared after Unicode normalisation (NFKC) and
 * lower-casing, so that "Erkki@Example.com " and "erkki@example.com" are one account.
 */
public record EmailAddress(String display, String normalized) {

    /** Pragmatic: one @, no spaces or control characters, a dot in the domain. Delivery proves the rest. */
    private static final Pattern SHAPE = Pattern.compile("[^\\s@\\p{Cntrl}]+@[^\\s@\\p{Cntrl}.]+(\\.[^\\s@\\p{Cntrl}.]+)+");
    private static final int MAX_LENGTH = 254;

    public static EmailAddress parse(String raw) {
        if (raw == null) {
            throw new InvalidEmailException();
        }
        String trimmed = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
        if (trimmed.length() > MAX_LENGTH || !SHAPE.matcher(trimmed).matches()) {
            throw new InvalidEmailException();
        }
        return new EmailAddress(trimmed, normalize(trimmed));
    }

    public static String normalize(String email) {
        return Normalizer.normalize(email.strip(), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /**
     * The address with most of its local part hidden ({@code e***i@example.com}): enough for the owner to
     * recognise it, too little to write to.
     */
    public static String masked(String email) {
        int at = email.lastIndexOf('@');
        String local = email.substring(0, at);
        String shown = local.length() <= 2 ? local.substring(0, 1) + "***"
                : local.charAt(0) + "***" + local.charAt(local.length() - 1);
        return shown + email.substring(at);
    }

    /** The address is not one that mail could be sent to. */
    public static class InvalidEmailException extends Refusal {
        public InvalidEmailException() {
            super(ProblemType.INVALID_EMAIL);
        }
    }
}
