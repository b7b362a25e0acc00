package fi.city.login.example.history;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The e-service's own records, kept as they always were: under the username of the old login system. A
 * resident is found by the legacy usernames in their ID token, so nothing here had to change when the
 * city moved to email logins. (Demo data from {@code demo-transactions.json}; a real e-service has its database.)
 */
@ApplicationScoped
public class Transactions {

    private final Map<String, List<Transaction>> byLegacyUsername;

    public Transactions(ObjectMapper json) {
        try (InputStream data = Transactions.class.getResourceAsStream("/demo-transactions.json")) {
            this.byLegacyUsername = json.readValue(data, new TypeReference<Map<String, List<Transaction>>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("demo-transactions.json is unreadable", e);
        }
    }

    /** Every record kept under any of the usernames, newest first. */
    public List<Transaction> of(List<String> legacyUsernames) {
        return legacyUsernames.stream()
                .flatMap(username -> byLegacyUsername.getOrDefault(username.toLowerCase(Locale.ROOT), List.of()).stream())
                .sorted(Comparator.comparing(Transaction::date).reversed())
                .toList();
    }

    public record Transaction(LocalDate date, String description, String status) {
    }
}
