package tj.migrantsguide.store;

import java.util.Objects;

/**
 * Points at an article, contact or checklist of one country, whatever the language: bookmarks and recently viewed
 * items are kept by it, so they survive a change of language and content updates (ids are stable).
 */
public record ItemRef(ItemKind kind, String countryCode, String id) {
    public ItemRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(id, "id");
        if (kind == ItemKind.CHECKLIST_ITEM) {
            throw new IllegalArgumentException("a checklist item is opened through its checklist");
        }
    }
}
