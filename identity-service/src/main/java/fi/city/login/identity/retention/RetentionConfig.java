package fi.city.login.identity.retention;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long what is no longer in use is kept, under {@code identity.retention}. */
@ConfigMapping(prefix = "identity.retention")
public interface RetentionConfig {

    /** Sessions and password links, counted from when they ended (expired, revoked or spent). */
    @WithDefault("P30D")
    Duration endedSessionsAndLinks();

    /** Rows of the per-address limits, counted from the start of their window (they matter for an hour). */
    @WithDefault("P1D")
    Duration throttleRows();

    /** Audit events (logins, links, password changes, admin actions). */
    @WithDefault("P400D")
    Duration auditEvents();

    /** A known browser not seen for this long is forgotten: it counts as unknown again. */
    @WithDefault("P400D")
    Duration unusedKnownDevices();
}
