package fi.city.login.identity.flow.legacyimport;

import fi.city.login.facts.Languages;
import fi.city.login.identity.account.EmailAddress;
import fi.city.login.identity.account.LegacyUsername;

import java.util.Locale;
import java.util.Map;

/**
 * One row of the file, checked on its own and ready to stage: a row that breaks a rule by itself
 * carries its rejection; {@code outcome} is null for a row whose fate depends on the others and on
 * the accounts already there (decided in SQL, see {@link LegacyImportSql}).
 */
record StagedRow(int line, String username, String usernameNormalized, String email, String emailNormalized,
                 String displayName, String locale, ImportOutcome outcome) {

    private static final int MAX_USERNAME_LENGTH = 100;
    private static final int MAX_NAME_LENGTH = 200;
    private static final char NUL = '\u0000';

    static StagedRow check(int line, Map<String, Object> row) {
        String username = text(row, "legacy_username");
        String email = text(row, "email");
        String name = text(row, "display_name");
        String locale = text(row, "locale").toLowerCase(Locale.ROOT);
        String emailNormalized = email.toLowerCase(Locale.ROOT);
        ImportOutcome outcome = null;
        if (username.isEmpty() || username.length() > MAX_USERNAME_LENGTH || hasControlCharacters(username)) {
            outcome = ImportOutcome.REJECTED_BAD_USERNAME;
        } else if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || hasControlCharacters(name)) {
            outcome = ImportOutcome.REJECTED_BAD_NAME;
        } else if (!locale.isEmpty() && !Languages.isSpoken(locale)) {
            outcome = ImportOutcome.REJECTED_BAD_LANGUAGE;
        } else {
            try {
                EmailAddress parsed = EmailAddress.parse(email);
                email = parsed.display();
                emailNormalized = parsed.normalized();
            } catch (EmailAddress.InvalidEmailException e) {
                outcome = ImportOutcome.REJECTED_BAD_EMAIL;
            }
        }
        // A rejected row is still staged, for the report: only what fits its columns is kept of it, and a
        // PostgreSQL text column cannot hold NUL.
        return new StagedRow(line, storable(username), storable(LegacyUsername.normalize(username)), storable(email),
                storable(emailNormalized), storable(name), Languages.spokenOrDefault(locale), outcome);
    }

    /** A name or username with a control character (a tab, a line break, NUL) would corrupt what shows it. */
    private static boolean hasControlCharacters(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    private static String storable(String text) {
        return text.replace(NUL, '\uFFFD');
    }

    private static String text(Map<String, Object> row, String field) {
        Object value = row.get(field);
        return value == null ? "" : value.toString().strip();
    }
}
