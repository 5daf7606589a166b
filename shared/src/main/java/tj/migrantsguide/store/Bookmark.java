package tj.migrantsguide.store;

import java.time.Instant;
import java.util.Objects;

/** An article, contact or checklist the person keeps at hand. */
public record Bookmark(ItemRef item, Instant added) {
    public Bookmark {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(added, "added");
    }
}
