package tj.migrantsguide.store;

import java.time.Instant;
import java.util.Objects;

/** Something the person opened, and when it was last opened. */
public record RecentItem(ItemRef item, Instant viewed) {
    public RecentItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(viewed, "viewed");
    }
}
