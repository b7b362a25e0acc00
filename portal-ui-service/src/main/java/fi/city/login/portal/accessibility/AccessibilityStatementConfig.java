package fi.city.login.portal.accessibility;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The accessibility statement a Finnish public-sector service must publish (Act 306/2019, WCAG 2.1 AA),
 * under {@code portal.accessibility-statement}: what it says is the city's to edit, per language; the
 * defaults describe this suite as delivered.
 */
@ConfigMapping(prefix = "portal.accessibility-statement")
public interface AccessibilityStatementConfig {

    /** How far the service meets WCAG 2.1 AA: FULLY, PARTIALLY or NOT. */
    @WithDefault("PARTIALLY")
    Conformance conformance();

    /** The known gaps, one item each, in Finnish, Swedish and English; a comma separates items, so none may hold one. */
    @WithDefault("Ilman JavaScriptiä kielivalikko ei sulkeudu Esc-näppäimellä.")
    List<String> knownGapsFi();

    @WithDefault("Utan JavaScript stängs språkmenyn inte med Esc-tangenten.")
    List<String> knownGapsSv();

    @WithDefault("The language menu does not close with the Escape key when JavaScript is off.")
    List<String> knownGapsEn();

    /** When the service was last assessed, and how. */
    @WithDefault("2026-12-07")
    LocalDate assessedOn();

    /** Where residents send accessibility feedback; answered within 14 days, as the Act requires. */
    @WithDefault("saavutettavuus@city.example")
    String feedbackEmail();

    /** A feedback form, if the city has one. */
    Optional<String> feedbackUrl();

    Authority authority();

    /** Who supervises accessibility, and how a resident reaches them when the city does not answer. */
    interface Authority {
        @WithDefault("Etelä-Suomen aluehallintovirasto, saavutettavuuden valvonta")
        String nameFi();

        @WithDefault("Regionförvaltningsverket i Södra Finland, tillgänglighetstillsynen")
        String nameSv();

        @WithDefault("Regional State Administrative Agency for Southern Finland, accessibility monitoring")
        String nameEn();

        @WithDefault("https://www.saavutettavuusvaatimukset.fi")
        String url();

        @WithDefault("saavutettavuus@avi.fi")
        String email();

        @WithDefault("0295 016 000")
        String phone();
    }

    enum Conformance {
        FULLY, PARTIALLY, NOT
    }
}
