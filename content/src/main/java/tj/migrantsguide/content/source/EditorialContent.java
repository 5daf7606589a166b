package tj.migrantsguide.content.source;

import java.nio.file.Path;
import java.util.List;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;

/**
 * Everything under the editorial sources folder, parsed: the feed settings, the common pack (countries), one
 * pack per country and language, and the parsed files themselves (the linter reads them for line numbers).
 */
public record EditorialContent(
        Path root, long snapshotVersion, int validDays, CommonPack common, List<CountryPack> countryPacks,
        List<SourceFile> files) {
    public EditorialContent {
        countryPacks = List.copyOf(countryPacks);
        files = List.copyOf(files);
    }
}
