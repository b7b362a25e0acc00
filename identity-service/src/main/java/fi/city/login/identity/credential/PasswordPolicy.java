package fi.city.login.identity.credential;

import fi.city.login.identity.api.ProblemType;
import fi.city.login.identity.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * NIST SP 800-63B: a minimum and a generous maximum length, no composition rules, a block list of common
 * passwords and of words from the account's own email address, and no password known from a breach
 * ({@link BreachedPasswords}).
 */
@ApplicationScoped
public class PasswordPolicy {

    private static final String BLOCK_LIST = "/password/common-passwords.txt";

    private final int minLength;
    private final int maxLength;
    private final Set<String> blocked;
    private final BreachedPasswords breached;

    public PasswordPolicy(PasswordConfig config, BreachedPasswords breached) {
        this.minLength = config.minLength();
        this.maxLength = config.maxLength();
        this.blocked = loadBlockList();
        this.breached = breached;
    }

    /** Refuses a new password that breaks the policy, with the problem type that says how. */
    public void requireAcceptable(String password, String email) {
        check(password, email).ifPresent(violation -> {
            throw new Refusal(violation.problemType);
        });
    }

    public Optional<Violation> check(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return Optional.of(Violation.TOO_SHORT);
        }
        if (length > maxLength) {
            return Optional.of(Violation.TOO_LONG);
        }
        String folded = fold(password);
        if (blocked.contains(folded) || folded.codePoints().distinct().count() <= 2) {
            return Optional.of(Violation.COMMON);
        }
        String emailFolded = fold(email);
        String localPart = emailFolded.substring(0, Math.max(0, emailFolded.indexOf('@')));
        if (folded.equals(emailFolded) || (localPart.length() >= 4 && folded.contains(localPart))) {
            return Optional.of(Violation.CONTAINS_USERNAME);
        }
        if (breached.contains(password)) {
            return Optional.of(Violation.BREACHED);
        }
        return Optional.empty();
    }


    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    private static Set<String> loadBlockList() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(BLOCK_LIST)) {
            if (in == null) {
                throw new IllegalStateException(BLOCK_LIST + " is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(fold(word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }

    public enum Violation {
        TOO_SHORT(ProblemType.PASSWORD_TOO_SHORT),
        TOO_LONG(ProblemType.PASSWORD_TOO_LONG),
        COMMON(ProblemType.PASSWORD_TOO_COMMON),
        CONTAINS_USERNAME(ProblemType.PASSWORD_CONTAINS_USERNAME),
        BREACHED(ProblemType.PASSWORD_BREACHED);

        private final ProblemType problemType;

        Violation(ProblemType problemType) {
            this.problemType = problemType;
        }
    }
}
