package tj.migrantsguide.content.source;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tj.migrantsguide.guide.Language;

/**
 * A concept of concepts.txt (content/SPEC.md, "Concepts"): words that mean the same, per language, with the fields
 * the loader parsed (the word lines, sources, verification) and their lines, for the linter.
 *
 * @param words per language, its {@code tg:}, {@code ru:} or {@code en:} lines in file order
 */
public record SourceConcept(Path file, Block block, Map<Language, List<Field>> words, List<Citation> sources,
        Verification verified) implements Cited {
    public SourceConcept {
        Map<Language, List<Field>> copy = new EnumMap<>(Language.class);
        words.forEach((language, list) -> copy.put(language, List.copyOf(list)));
        words = Map.copyOf(copy);
        sources = List.copyOf(sources);
    }

    public List<Field> words(Language language) {
        return words.getOrDefault(language, List.of());
    }

    @Override
    public String scope() {
        return SourceLoader.CONCEPTS_FILE;
    }
}
