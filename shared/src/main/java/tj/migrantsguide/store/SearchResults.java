package tj.migrantsguide.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a search found.
 *
 * @param hits the best hits, those that match the words as typed first, then those found by correcting typing
 *     mistakes
 * @param didYouMean when nothing matched the words as typed, the corrected words that found {@code hits}
 *     ("Did you mean «registration»?"); empty otherwise
 */
public record SearchResults(List<SearchHit> hits, Optional<String> didYouMean) {
    static final SearchResults NONE = new SearchResults(List.of(), Optional.empty());

    public SearchResults {
        hits = List.copyOf(hits);
        Objects.requireNonNull(didYouMean, "didYouMean");
    }
}
