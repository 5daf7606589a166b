package tj.migrantsguide.store;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

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

    /** {@code article/RU/registration-15-days}: the form kept in files, links and test tags. */
    public String code() {
        return kind.code() + "/" + countryCode + "/" + id;
    }

    /** Reads {@link #code()}'s form; empty for anything else (a checklist item is opened through its checklist). */
    public static Optional<ItemRef> parse(String code) {
        String[] parts = code.split("/", -1);
        if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
            return Optional.empty();
        }
        return ItemKind.fromCode(parts[0]).filter(kind -> kind != ItemKind.CHECKLIST_ITEM)
                .map(kind -> new ItemRef(kind, parts[1], parts[2]));
    }
}
