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
 * @param source where the update came from and who signed it, kept as the content's {@link Provenance}
 */
public record ContentUpdate(
        FeedIndex index, Optional<CommonPack> common, List<CountryPack> replacedPacks, Set<String> removedPacks,
        Source source) {
    public ContentUpdate {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(common, "common");
        replacedPacks = List.copyOf(replacedPacks);
        removedPacks = Set.copyOf(removedPacks);
        Objects.requireNonNull(source, "source");
    }

    /** An update whose origin is not recorded (tests and tools). */
    public ContentUpdate(
            FeedIndex index, Optional<CommonPack> common, List<CountryPack> replacedPacks, Set<String> removedPacks) {
        this(index, common, replacedPacks, removedPacks, Source.UNKNOWN);
    }

    /**
     * Where an update came from.
     *
     * @param place the feed address or folder path
     * @param signedBy the id of the trusted key whose signature was checked
     */
    public record Source(Provenance.Origin origin, Optional<String> place, Optional<String> signedBy) {
        public static final Source UNKNOWN = new Source(Provenance.Origin.UNKNOWN, Optional.empty(), Optional.empty());

        public Source {
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(place, "place");
            Objects.requireNonNull(signedBy, "signedBy");
        }
    }

    public ContentUpdate from(Source newSource) {
        return new ContentUpdate(index, common, replacedPacks, removedPacks, newSource);
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
