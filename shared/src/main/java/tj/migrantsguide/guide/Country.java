package tj.migrantsguide.guide;

import java.util.Map;
import java.util.Objects;

/**
 * A country the guide covers: a destination, or Tajikistan itself (home content).
 *
 * @param code ISO 3166-1 alpha-2 code, upper case ("RU", "TJ")
 * @param names the country's name in each language
 */
public record Country(String code, Map<Language, String> names, int sortOrder) {
    public Country {
        Objects.requireNonNull(code, "code");
        names = Map.copyOf(names);
    }

    public String name(Language language) {
        String name = names.get(language);
        return name != null ? name : names.getOrDefault(Language.ENGLISH, code);
    }
}
