package fi.city.login.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Version 1 of the event on topic {@value #TOPIC}: one email of an account's change of address (its
 * username). The resident asks in account settings for a new address; a link to the new address
 * confirms it ({@link Stage#CONFIRM_NEW_ADDRESS}), and once it is confirmed the old address is told
 * ({@link Stage#CHANGED}). An address that already has an account gets no link but is told so
 * ({@link Stage#ADDRESS_IN_USE}): the page that asked says the same either way. When a change is asked,
 * the old address is told at once with a link that cancels it ({@link Stage#ASKED}): an intruder who knows
 * the password cannot move the account away unseen.
 *
 * <p>A link's token is sealed ({@link SealedToken}) to notification-service's key, as a password link's is;
 * the notices carry none. notification-service must know {@link Stage#ASKED} before identity-service sends
 * it: deploy notification-service first.
 *
 * @param eventId     unique per event; the consumer deduplicates on it
 * @param version     schema version of this record, {@value #VERSION}
 * @param accountId   the account's stable id
 * @param email       the address to send to: the new one, or for {@link Stage#ASKED} and {@link Stage#CHANGED} the old one
 * @param displayName the resident's name, for the greeting
 * @param locale      fi, sv or en
 * @param stage       which email of the change this is; it picks the wording
 * @param otherEmail  the change's other address, masked ({@code e***i@example.com}): the current one in
 *                    the emails to the new address, the new one in the notice to the old
 * @param sealedToken the link's single-use token, sealed; only for {@link Stage#CONFIRM_NEW_ADDRESS} (it
 *                    confirms) and {@link Stage#ASKED} (it cancels)
 * @param expiresAt   when that link stops working; only with a token
 * @param occurredAt  when the change was asked for or made
 */
public record EmailAddressChange(
        UUID eventId,
        int version,
        UUID accountId,
        String email,
        String displayName,
        String locale,
        Stage stage,
        String otherEmail,
        String sealedToken,
        Instant expiresAt,
        Instant occurredAt) implements EmailEvent {

    public static final String TOPIC = "email-address-change";
    public static final int VERSION = 1;

    /** What a link's token is sealed with ({@link SealedToken}): it opens for this email and no other. */
    public static String sealBinding(UUID accountId, String email, Stage stage, Instant expiresAt) {
        return String.join("\n", TOPIC, String.valueOf(accountId), String.valueOf(email).toLowerCase(java.util.Locale.ROOT),
                String.valueOf(stage), String.valueOf(expiresAt));
    }

    public String sealBinding() {
        return sealBinding(accountId, email, stage, expiresAt);
    }

    /** Which email of the change an event is. */
    public enum Stage {
        /** To the new address: a link that makes it the account's address. */
        CONFIRM_NEW_ADDRESS,
        /** To the new address: it already belongs to an account, so nothing changes. */
        ADDRESS_IN_USE,
        /** To the old address: the account's address is now another one. */
        CHANGED,
        /** To the old address, when a change is asked: a link that cancels it. */
        ASKED;

        /** Whether the email of this stage carries a link, and so its event a sealed token. */
        public boolean carriesLink() {
            return this == CONFIRM_NEW_ADDRESS || this == ASKED;
        }
    }

    @Override
    public String toString() {
        // Even sealed, the token has no business in a log line.
        return "EmailAddressChange[eventId=" + eventId + ", accountId=" + accountId + ", stage=" + stage
                + ", locale=" + locale + ", expiresAt=" + expiresAt + "]";
    }
}
