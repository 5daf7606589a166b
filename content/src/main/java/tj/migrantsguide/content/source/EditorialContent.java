package tj.migrantsguide.content.source;

import java.nio.file.Path;
import java.util.List;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;

/**
 * Everything under the editorial sources folder, parsed: the feed settings, the common pack (countries), one
 * pack per country and language, the parsed files themselves, and every item with its parsed fields and
 * their lines (what the linter checks), and the concepts of concepts.txt (the feed carries them in the common pack).
 */
public record EditorialContent(
        Path root, long snapshotVersion, int validDays, CommonPack common, List<CountryPack> countryPacks,
        List<SourceFile> files, List<SourceItem> items,
        List<SourceConcept> concepts) {
    public EditorialContent {
        countryPacks = List.copyOf(countryPacks);
        files = List.copyOf(files);
        items = List.copyOf(items);
        concepts = List.copyOf(concepts);
    }
}
