package tj.migrantsguide.guide;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Words that mean the same to a person looking for something: the official term and the everyday ones, in each
 * language (регистрация = миграционный учёт = бақайдгирӣ = қайд = registration). An editorial table
 * (content/guide/concepts.txt, content/SPEC.md "Concepts"); search finds the items of any of a concept's words when
 * one is typed.
 *
 * @param id a stable name for editors ({@code registration})
 * @param words per language, the words or phrases (a phrase: words that must come in that order), as written;
 *     a language without words has no entry
 */
public record Concept(String id, Map<Language, List<String>> words) {
    public Concept {
        Objects.requireNonNull(id, "id");
        Map<Language, List<String>> copy = new EnumMap<>(Language.class);
        words.forEach((language, list) -> {
            if (!list.isEmpty()) {
                copy.put(language, List.copyOf(list));
            }
        });
        words = Map.copyOf(copy);
    }

    public List<String> words(Language language) {
        return words.getOrDefault(language, List.of());
    }
}
