package fi.city.login.identity.passkey;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * Passkeys, under {@code identity.passkey}. The relying party is the portal: its origin is the one ceremonies
 * come from ({@code identity.oidc.portal-url}), its host the RP ID unless set here.
 */
@ConfigMapping(prefix = "identity.passkey")
public interface PasskeyConfig {

    /** The name a passkey manager shows for the site. */
    @WithDefault("City login")
    String rpName();

    /** The RP ID: the portal's host, or a registrable suffix of it (a passkey made for it works on its subdomains). */
    Optional<String> rpId();

    /** How long a ceremony's challenge stays good: the time to answer the browser's passkey prompt. */
    @WithDefault("PT5M")
    Duration challengeLifetime();

    /** Passkeys an account may hold. */
    @WithDefault("10")
    int maxPerAccount();
}
