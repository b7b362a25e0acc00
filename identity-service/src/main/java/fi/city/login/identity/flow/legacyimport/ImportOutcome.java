package fi.city.login.identity.flow.legacyimport;

/** What became of a row of the old system's export. */
public enum ImportOutcome {
    /** A new account, pending its first password. */
    NEW_ACCOUNT,
    /** The same email as an earlier row of the file: this legacy username joins that new account. */
    MERGED,
    /** The email already has an account: the legacy username joins it. */
    MERGED_INTO_EXISTING,
    /** Imported before: a re-run changes nothing. */
    UNCHANGED,
    REJECTED_BAD_EMAIL,
    REJECTED_BAD_NAME,
    REJECTED_BAD_USERNAME,
    REJECTED_BAD_LANGUAGE,
    /** The legacy username is on an earlier line of the file, which wins. */
    REJECTED_USERNAME_REPEATED,
    /** The legacy username belongs to an account with another email, and stays there. */
    REJECTED_USERNAME_TAKEN
}
