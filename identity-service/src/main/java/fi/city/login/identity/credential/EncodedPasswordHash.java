package fi.city.login.identity.credential;

import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash in the PHC string format that libargon2 and most other tools read:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, base64 without padding.
 */
public record EncodedPasswordHash(Argon2Cost cost, byte[] salt, byte[] hash) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    public static EncodedPasswordHash parse(String encoded) {
        Matcher matcher = FORMAT.matcher(encoded);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an Argon2id v1.3 PHC string");
        }
        Argon2Cost cost = new Argon2Cost(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
        return new EncodedPasswordHash(cost, DECODER.decode(matcher.group(4)), DECODER.decode(matcher.group(5)));
    }

    public String encode() {
        return "$argon2id$v=19$m=" + cost.memoryKib() + ",t=" + cost.iterations() + ",p=" + cost.parallelism()
                + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    @Override
    public String toString() {
        return "EncodedPasswordHash[" + cost + "]";
    }
}
