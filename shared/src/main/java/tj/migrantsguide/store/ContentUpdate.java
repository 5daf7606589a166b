package tj.migrantsguide.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.PackEntry;

/**
 * What to change to go from the installed content to {@code index}: the packs whose hash changed (already
 * downloaded and checked), and the packs the new index no longer lists. Packs whose hash did not change are
 * kept as they are in the database.
 *
 * @param common the new common pack, when its hash changed
 */
public record ContentUpdate(
        FeedIndex index, Optional<CommonPack> common, List<CountryPack> replacedPacks, Set<String> removedPacks) {
    public ContentUpdate {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(common, "common");
        replacedPacks = List.copyOf(replacedPacks);
        removedPacks = Set.copyOf(removedPacks);
    }

    /** Replaces everything with {@code feed}; packs the device had that the feed lacks are removed. */
    public static ContentUpdate whole(Feed feed, Set<String> installedPackNames) {
        Set<String> listed = new java.util.HashSet<>();
        for (PackEntry entry : feed.index().packs()) {
            listed.add(entry.name());
        }
        Set<String> removed = new java.util.HashSet<>(installedPackNames);
        removed.removeAll(listed);
        return new ContentUpdate(feed.index(), Optional.of(feed.common()), feed.countryPacks(), removed);
    }
}
