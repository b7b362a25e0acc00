package fi.city.login.identity.bruteforce;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Brute-force protection, under {@code identity.brute-force}. A paused login can always be recovered by
 * email: setting a new password through a link lifts the account's pause.
 */
@ConfigMapping(prefix = "identity.brute-force")
public interface BruteForceConfig {

    /** Consecutive failed logins of one account before its logins pause. */
    @WithDefault("10")
    int accountMaxFailures();

    @WithDefault("PT15M")
    Duration accountPause();

    /** Failed logins from one client address, over all accounts, within {@link #addressWindow()}. */
    @WithDefault("100")
    int addressMaxFailures();

    @WithDefault("PT15M")
    Duration addressWindow();

    @WithDefault("PT15M")
    Duration addressPause();

    /**
     * Failed logins from one IPv6 /48 (65,536 /64s, each counted as an address), over all accounts, within
     * {@link #addressWindow()}.
     */
    @WithDefault("1000")
    int network48MaxFailures();

    /**
     * Password checks per minute and replica for browsers that are not the account's known ones: past it
     * they wait for the next minute (429), so that a spray from many networks cannot hold the hashing pool
     * full; the owners' known browsers are never counted. Set below a replica's hash rate (bench/).
     */
    @WithDefault("6000")
    int unknownBrowserChecksPerMinute();

    /**
     * Wrong secrets for one client from one address within {@link #addressWindow()}, counted apart from
     * password logins: a right secret is never refused for them.
     */
    @WithDefault("20")
    int clientSecretMaxFailures();

    /**
     * Requests that may send an email (password links, registrations) per client address and hour;
     * generous enough for a library's or an office's shared address.
     */
    @WithDefault("50")
    int emailRequestsPerAddress();

    /**
     * Notices per hour to one address that has no account (sent only while unknown addresses are hidden):
     * enough for a resident who tries a few times, too few to flood a stranger's mailbox from many addresses.
     */
    @WithDefault("3")
    int noAccountNoticesPerRecipient();

    /**
     * Every answer of the identifier step, "forgot your password?" and registration takes at least this
     * long, in either mode of {@code identity.login.reveal-unknown-addresses}, refusals included.
     */
    @WithDefault("PT0.15S")
    Duration minimumAnswerTime();
}
