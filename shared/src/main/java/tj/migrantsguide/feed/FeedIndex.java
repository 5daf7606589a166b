package tj.migrantsguide.feed;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The index of a published feed: which content version it is, when it was published and stops being current,
 * which packs make it up, and which keys may sign later versions (key rotation, docs/feed-format.md).
 *
 * @param nextKeys keys that a device, once it has verified this index, trusts for later versions; empty when the
 *     index introduces none
 */
public record FeedIndex(
        int format, long version, Instant published, Instant expires, List<PackEntry> packs, List<FeedKey> nextKeys) {
    /** 2: the index is a signed envelope ({@code {"signed": …, "signatures": […]}}). 1 was an unsigned index. */
    public static final int FORMAT = 2;

    public FeedIndex {
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(expires, "expires");
        packs = List.copyOf(packs);
        nextKeys = List.copyOf(nextKeys);
    }

    /** An index that introduces no new key. */
    public FeedIndex(int format, long version, Instant published, Instant expires, List<PackEntry> packs) {
        this(format, version, published, expires, packs, List.of());
    }

    public Optional<PackEntry> pack(String name) {
        return packs.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Pack name → SHA-256, in index order: the content this index stands for. */
    public Map<String, String> packHashes() {
        Map<String, String> hashes = new LinkedHashMap<>();
        packs.forEach(p -> hashes.put(p.name(), p.sha256()));
        return hashes;
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expires);
    }
}
