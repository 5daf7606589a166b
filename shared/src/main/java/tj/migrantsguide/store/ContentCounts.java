package tj.migrantsguide.store;

import java.util.Map;
import tj.migrantsguide.guide.Language;

/** How much content the device holds: countries, and items (articles, contacts, checklist items) per language. */
public record ContentCounts(int countries, Map<Language, Integer> itemsPerLanguage) {
    public ContentCounts {
        itemsPerLanguage = Map.copyOf(itemsPerLanguage);
    }
}
