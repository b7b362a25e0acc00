package fi.city.login.identity.api.settings;

import java.util.List;

/** Ten single-use codes that stand in for the authenticator app; shown this once, kept only hashed. */
public record RecoveryCodes(List<String> codes) {
    @Override
    public String toString() {
        return "RecoveryCodes[" + codes.size() + "]";
    }
}
