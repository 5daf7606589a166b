package tj.migrantsguide.feed;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The index of a published feed: which content version it is, when it was published and stops being current,
 * and which packs make it up.
 */
public record FeedIndex(int format, long version, Instant published, Instant expires, List<PackEntry> packs) {
    public static final int FORMAT = 1;

    public FeedIndex {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(expires, "expires");
        packs = List.copyOf(packs);
    }
}
