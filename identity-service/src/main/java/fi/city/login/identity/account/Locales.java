package fi.city.login.identity.account;

import java.util.Locale;
import java.util.Set;

/** The languages the suite speaks. Finnish is the default, as in the city's own guide. */
public final class Locales {

    public static final String DEFAULT = "fi";
    private static final Set<String> SUPPORTED = Set.of("fi", "sv", "en");

    private Locales() {
    }

    public static String supportedOrDefault(String locale) {
        if (locale == null) {
            return DEFAULT;
        }
        String language = locale.strip().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(language) ? language : DEFAULT;
    }
}
