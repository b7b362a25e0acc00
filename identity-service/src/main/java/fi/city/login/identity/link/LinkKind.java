package fi.city.login.identity.link;

import java.time.Duration;
import java.util.function.Function;

/**
 * Why a link was mailed. Each kind states its lifetime and its action, what spending it does; the limits
 * (one valid link, the resend cooldown, the hourly cap) hold per account and action, the same for every kind.
 */
public enum LinkKind {
    /** A migrated resident's first login: the email may be opened days later. */
    FIRST_LOGIN(Action.SET_PASSWORD, LinkConfig::firstLoginLifetime),
    /** A registration: the link proves the address and sets the first password. */
    NEW_ACCOUNT(Action.SET_PASSWORD, LinkConfig::firstLoginLifetime),
    /** Asked for on the spot, so it can be short. */
    FORGOTTEN_PASSWORD(Action.SET_PASSWORD, LinkConfig::forgottenPasswordLifetime),
    /** Sent to the new address: long enough to open another mailbox the same day. */
    EMAIL_CHANGE(Action.CONFIRM_EMAIL, LinkConfig::emailChangeLifetime),
    /** Sent to the old address when a change is asked: "this wasn't me" works as long as the change could. */
    EMAIL_CHANGE_CANCEL(Action.CANCEL_EMAIL_CHANGE, LinkConfig::emailChangeLifetime),
    /** A code typed with the password: a new browser's way in while the account is paused. Short-lived. */
    LOGIN_CODE(Action.SIGN_IN, LinkConfig::loginCodeLifetime),
    /**
     * Told of a login from a browser the account did not know: "if it wasn't you", the link ends every session
     * and starts a password reset. Its own action, so its limits keep a mailbox from being flooded and never
     * stand in the way of a password link. As short-lived as a forgotten password's.
     */
    NEW_BROWSER(Action.SECURE_ACCOUNT, LinkConfig::forgottenPasswordLifetime);

    private final Action action;
    private final Function<LinkConfig, Duration> lifetime;

    LinkKind(Action action, Function<LinkConfig, Duration> lifetime) {
        this.action = action;
        this.lifetime = lifetime;
    }

    public Action action() {
        return action;
    }

    /** Whether the resident types the secret (a short code, its tries counted) rather than following a link. */
    public boolean typed() {
        return action == Action.SIGN_IN;
    }

    Duration lifetime(LinkConfig config) {
        return lifetime.apply(config);
    }

    /** What spending a link does. An account has at most one valid link per action. */
    public enum Action {
        /** Sets the account's password (and activates an account waiting for its first one). */
        SET_PASSWORD,
        /** Makes the link's new address the account's username. */
        CONFIRM_EMAIL,
        /** Stops the change of address asked for: its confirmation link no longer works. */
        CANCEL_EMAIL_CHANGE,
        /** Lets a browser in with the password while the account is paused for unknown browsers. */
        SIGN_IN,
        /** "It wasn't me": ends every session and e-service token of the account, and mails a password link. */
        SECURE_ACCOUNT
    }
}
