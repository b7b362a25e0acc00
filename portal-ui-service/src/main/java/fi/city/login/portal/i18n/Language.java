package fi.city.login.portal.i18n;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

import java.util.Locale;

/** The three languages of the pages; Finnish first, as in the city's guide. */
public enum Language {
    FI("FIN", "Suomi"), SV("SVE", "Svenska"), EN("ENG", "English");

    public static final String COOKIE = "lang";

    private final String label;
    private final String ownName;

    Language(String label, String name) {
        this.label = label;
        this.ownName = name;
    }

    /** The language's own name for itself, as the menu lists it (in that language, with its lang attribute). */
    public String displayName() {
        return ownName;
    }

    /** What the language menu shows, as in the guide's "FIN ▼". */
    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Locale locale() {
        return Locale.forLanguageTag(code());
    }

    public PortalMessages messages() {
        return this == FI ? MessageBundles.get(PortalMessages.class)
                : MessageBundles.get(PortalMessages.class, Localized.Literal.of(code()));
    }

    /** The language chosen in the menu (cookie), else the browser's first supported one, else Finnish. */
    public static Language choose(String cookie, String acceptLanguage) {
        Language chosen = parse(cookie);
        if (chosen != null) {
            return chosen;
        }
        if (acceptLanguage != null) {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(safe(acceptLanguage))) {
                Language preferred = parse(range.getRange().split("-")[0]);
                if (preferred != null) {
                    return preferred;
                }
            }
        }
        return FI;
    }

    public static Language parse(String code) {
        if (code == null) {
            return null;
        }
        for (Language language : values()) {
            if (language.code().equalsIgnoreCase(code.strip())) {
                return language;
            }
        }
        return null;
    }

    private static String safe(String acceptLanguage) {
        // A malformed header must not break the page: keep only what the parser accepts.
        return acceptLanguage.matches("[A-Za-z0-9*;=.,\\- ]{0,200}") ? acceptLanguage : "";
    }
}
