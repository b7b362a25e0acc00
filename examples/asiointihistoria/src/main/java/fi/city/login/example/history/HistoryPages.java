package fi.city.login.example.history;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;

/**
 * The e-service's pages: a front page with "Kirjaudu sisään", and the resident's transaction history
 * behind the city login. quarkus-oidc does the whole protocol: the redirect to the portal, the code
 * exchange with PKCE, the ID token's checks, and the logout through the suite's end-session endpoint.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HistoryPages {

    /** The @IdToken qualifier applies to fields and methods only, so this one is injected into a field. */
    @Inject
    @IdToken
    JsonWebToken idToken;

    private final Transactions transactions;

    public HistoryPages(Transactions transactions) {
        this.transactions = transactions;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance front();

        /** @param loginMethods the ID token's amr (RFC 8176) and acr: how the resident logged in at the suite */
        static native TemplateInstance history(String name, String email, List<String> legacyUsernames,
                                               List<Transactions.Transaction> transactions, String loginMethods);
    }

    @GET
    public TemplateInstance front() {
        return Templates.front();
    }

    @GET
    @Path("/historia")
    @Authenticated
    public TemplateInstance history() {
        List<String> legacyUsernames = idToken.containsClaim("legacy_usernames")
                ? idToken.<java.util.Collection<?>>getClaim("legacy_usernames").stream().map(HistoryPages::unquoted).toList()
                : List.of();
        List<String> amr = idToken.containsClaim("amr")
                ? idToken.<java.util.Collection<?>>getClaim("amr").stream().map(HistoryPages::unquoted).toList()
                : List.of();
        return Templates.history(idToken.getClaim("name"), idToken.getClaim("email"), legacyUsernames,
                transactions.of(legacyUsernames), String.join(" ", amr) + " (acr " + idToken.getClaim("acr") + ")");
    }

    /** Array claims arrive as JSON values; a JSON string's text is between its quotes. */
    private static String unquoted(Object value) {
        String text = value.toString();
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
