package fi.city.login.identity.api.settings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The resident's name as services address them, and the language of their pages and emails (fi, sv, en). */
public record ProfileRequest(@NotBlank @Size(max = 200) String displayName,
                             @NotBlank @Pattern(regexp = "fi|sv|en") String locale) {
}
