package fi.city.login.facts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Whom residents contact when something goes wrong ("Ongelmatilanteissa otathan yhteyttä …"), under
 * {@code city.support} ({@code CITY_SUPPORT_*}): the portal's pages and every email show the same one.
 * Configuration the city edits, not code.
 */
@ConfigMapping(prefix = "city.support")
public interface SupportContact {

    @WithDefault("Asiointipalvelun tuki")
    String name();

    @WithDefault("E-tjänsternas användarstöd")
    String nameSv();

    @WithDefault("E-service user support")
    String nameEn();

    @WithDefault("09 123 4567")
    String phone();

    @WithDefault("tuki@city.example")
    String email();

    /** The contact's name in a language the suite speaks (Finnish for any other). */
    default String name(String language) {
        return switch (Languages.spokenOrDefault(language)) {
            case "sv" -> nameSv();
            case "en" -> nameEn();
            default -> name();
        };
    }
}
