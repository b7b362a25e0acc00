package fi.city.login.identity.account;

import fi.city.login.facts.Languages;

import java.util.Locale;

/** An account's language: one the suite speaks ({@link Languages}), typed loosely by callers. */
public final class Locales {

    private Locales() {
    }

    /** The language named, trimmed and in lower case, if the suite speaks it; Finnish otherwise. */
    public static String supportedOrDefault(String locale) {
        return Languages.spokenOrDefault(locale == null ? null : locale.strip().toLowerCase(Locale.ROOT));
    }
}
