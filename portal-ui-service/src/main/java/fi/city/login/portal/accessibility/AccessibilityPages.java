package fi.city.login.portal.accessibility;

import fi.city.login.portal.i18n.Language;
import fi.city.login.portal.i18n.PortalMessages;
import fi.city.login.portal.page.Page;
import fi.city.login.portal.page.PageContext;
import fi.city.login.portal.page.PageResponses;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.format.DateTimeFormatter;
import java.util.List;

/** The accessibility statement ("Saavutettavuusseloste"), linked from every page's footer. */
@Path("/saavutettavuus")
@Produces(MediaType.TEXT_HTML)
public class AccessibilityPages {

    private final PageContext pages;
    private final AccessibilityStatementConfig config;

    public AccessibilityPages(PageContext pages, AccessibilityStatementConfig config) {
        this.pages = pages;
        this.config = config;
    }

    @GET
    public Uni<Response> statement(@Context HttpHeaders headers) {
        return pages.page(headers, "/saavutettavuus").map(page -> {
            Language language = page.language();
            PortalMessages msg = page.messages();
            String conformance = switch (config.conformance()) {
                case FULLY -> msg.accessibilityConformsFully();
                case PARTIALLY -> msg.accessibilityConformsPartially();
                case NOT -> msg.accessibilityConformsNot();
            };
            List<String> gaps = switch (language) {
                case SV -> config.knownGapsSv();
                case EN -> config.knownGapsEn();
                case FI -> config.knownGapsFi();
            };
            String authority = switch (language) {
                case SV -> config.authority().nameSv();
                case EN -> config.authority().nameEn();
                case FI -> config.authority().nameFi();
            };
            String assessedOn = DateTimeFormatter.ofPattern("d.M.yyyy").format(config.assessedOn());
            return PageResponses.ok(page, AccessibilityTemplates.statement(page, conformance, gaps, assessedOn, config, authority));
        });
    }
}
