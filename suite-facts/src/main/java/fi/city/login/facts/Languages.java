package fi.city.login.facts;

import java.util.List;

/**
 * The languages the suite speaks: its pages, its emails and the language an account keeps. Finnish first,
 * as in the city's guide, and the default for anything that names no language the suite speaks.
 */
public final class Languages {

    /** ISO 639-1 codes, in the order the language menu lists them. */
    public static final List<String> SPOKEN = List.of("fi", "sv", "en");
    public static final String DEFAULT = "fi";

    private Languages() {
    }

    public static boolean isSpoken(String code) {
        return code != null && SPOKEN.contains(code);
    }

    /** The code if the suite speaks it, else Finnish. */
    public static String spokenOrDefault(String code) {
        return isSpoken(code) ? code : DEFAULT;
    }
}
