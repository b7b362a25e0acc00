package fi.city.login.identity.account;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;

import java.net.IDN;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An email address as the username: trimmed, and compared after Unicode normalisation (NFKC) and
 * lower-casing, so that "Erkki@Example.com " and "erkki@example.com" are one account.
 */
public record EmailAddress(String display, String normalized) {

    /**
     * RFC 5321's dot-string local part, with RFC 6531's non-ASCII letters, marks and digits; no quoted local
     * parts (no resident has one, and they carry spaces, angle brackets and backslashes into every screen).
     */
    private static final Pattern LOCAL_PART =
            Pattern.compile("[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{M}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*");
    /** An A-label domain: LDH labels of 1 to 63 characters, at least two of them, the last not all digits. */
    private static final Pattern DOMAIN = Pattern.compile(
            "([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+(?![0-9]+$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final int MAX_LOCAL_PART_LENGTH = 64;
    private static final int MAX_LENGTH = 254;
    /**
     * UTS #39's "highly restrictive" level: one script, or Latin with the scripts Japanese, Chinese and
     * Korean are written in together. An address that mixes Latin and Cyrillic (a Cyrillic "а" in a Latin
     * name) looks like another's and is refused.
     */
    private static final List<Set<Character.UnicodeScript>> SCRIPT_MIXES_ALLOWED = List.of(
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HIRAGANA,
                    Character.UnicodeScript.KATAKANA),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.BOPOMOFO),
            EnumSet.of(Character.UnicodeScript.LATIN, Character.UnicodeScript.HAN, Character.UnicodeScript.HANGUL));

    /**
     * The address a resident typed, if mail could be sent to it: trimmed and NFKC-normalised, the local part
     * in RFC 5321 (RFC 6531) syntax and of one script, the domain in its A-label (Punycode) form, as the mail
     * server is given it.
     */
    public static EmailAddress parse(String raw) {
        if (raw == null) {
            throw new InvalidEmailException();
        }
        String trimmed = Normalizer.normalize(raw.strip(), Normalizer.Form.NFKC);
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            throw new InvalidEmailException();
        }
        String local = trimmed.substring(0, at);
        if (local.length() > MAX_LOCAL_PART_LENGTH || !LOCAL_PART.matcher(local).matches() || mixesScripts(local)) {
            throw new InvalidEmailException();
        }
        String address = local + "@" + aLabel(trimmed.substring(at + 1));
        if (address.length() > MAX_LENGTH) {
            throw new InvalidEmailException();
        }
        return new EmailAddress(address, normalize(address));
    }

    private static String aLabel(String domain) {
        String ascii;
        try {
            ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException notADomain) {
            throw new InvalidEmailException();
        }
        if (!DOMAIN.matcher(ascii).matches()) {
            throw new InvalidEmailException();
        }
        return ascii;
    }

    private static boolean mixesScripts(String local) {
        Set<Character.UnicodeScript> scripts = EnumSet.noneOf(Character.UnicodeScript.class);
        local.codePoints().mapToObj(Character.UnicodeScript::of)
                .filter(script -> script != Character.UnicodeScript.COMMON && script != Character.UnicodeScript.INHERITED)
                .forEach(scripts::add);
        return scripts.size() > 1 && SCRIPT_MIXES_ALLOWED.stream().noneMatch(allowed -> allowed.containsAll(scripts));
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
