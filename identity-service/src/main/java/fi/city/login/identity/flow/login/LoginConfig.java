package fi.city.login.identity.flow.login;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The identifier step, under {@code identity.login}. */
@ConfigMapping(prefix = "identity.login")
public interface LoginConfig {

    /**
     * true (the city's guide): an unknown address is answered NOT_RECOGNISED, so the resident can try
     * another address or register. false: every address, known or not, is answered PASSWORD_OR_LINK_SENT
     * (a migrated account still waiting for its first password is sent its link, but the answer does not
     * say so), the password step fails for an unknown address as for a wrong password (and pauses it
     * alike), and "forgot your password" and registration answer alike.
     */
    @WithDefault("true")
    boolean revealUnknownAddresses();

    /**
     * A login from a browser the account does not know, when it knows others, mails the owner when and with
     * what, with a link that ends every session ("it wasn't me"), within the limits of every emailed link.
     */
    @WithDefault("true")
    boolean newBrowserNotice();
}
