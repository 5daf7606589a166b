package tj.migrantsguide.store;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.text.TextChange;

/**
 * What one content update did to one item in one language: added, removed, or changed (and then how: each changed
 * field word by word, each phone number, each checklist line). Computed from the old and the new rows in the
 * transaction that applied the update ({@link ContentWriter}), so it never disagrees with the content.
 *
 * @param title the item's title (its name for a contact) as it is now; as it was, for a removed item
 * @param numbers phone numbers added, changed or removed: every number of an added or removed contact
 * @param fields changed fields of a changed item, in the item's own order
 * @param lines checklist lines added, removed or reworded
 */
public record ItemChange(
        String countryCode,
        Language language,
        ItemKind kind,
        String id,
        Change change,
        String title,
        List<NumberChange> numbers,
        List<FieldChange> fields,
        List<LineChange> lines) {
    public enum Change {
        ADDED("added"),
        REMOVED("removed"),
        CHANGED("changed");

        private final String code;

        Change(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Change> fromCode(String code) {
            for (Change change : values()) {
                if (change.code.equals(code)) {
                    return Optional.of(change);
                }
            }
            return Optional.empty();
        }
    }

    /** The parts of an item whose changes are shown, in the order a screen shows them. */
    public enum Field {
        TITLE("title"),
        NAME("name"),
        BODY("body"),
        /** How long a deadline rule gives, as {@link tj.migrantsguide.guide.RuleLength#code()}: screens word it. */
        LENGTH("length"),
        /** What happens when a rule's deadline is missed. */
        MISSED("missed"),
        ADDRESS("address"),
        HOURS("hours"),
        LANGUAGES("languages"),
        EMAIL("email"),
        WEBSITE("website"),
        NOTE("note"),
        SOURCES("sources"),
        CHECKED("verified");

        private final String code;

        Field(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Field> fromCode(String code) {
            for (Field field : values()) {
                if (field.code.equals(code)) {
                    return Optional.of(field);
                }
            }
            return Optional.empty();
        }
    }

    /** A phone number as printed before and after; empty on the side where it did not exist. */
    public record NumberChange(Change change, Optional<String> before, Optional<String> after) {
        public NumberChange {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
        }
    }

    public record FieldChange(Field field, TextChange text) {
        public FieldChange {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(text, "text");
        }
    }

    /** One line of a checklist (by its id): added, removed, or reworded ({@code text} marks how). */
    public record LineChange(Change change, String itemId, TextChange text) {
        public LineChange {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(itemId, "itemId");
            Objects.requireNonNull(text, "text");
        }
    }

    public ItemChange {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(title, "title");
        numbers = List.copyOf(numbers);
        fields = List.copyOf(fields);
        lines = List.copyOf(lines);
    }

    /** The item it is about, to open it or to find it among the person's bookmarks. */
    public ItemRef ref() {
        return new ItemRef(kind, countryCode, id);
    }

    /**
     * More than a new check date or list of sources: what the line "Updated: 3 articles" counts. The others are
     * still listed (a person may want to know a card was checked again).
     */
    public boolean substantive() {
        return change != Change.CHANGED || !numbers.isEmpty() || !lines.isEmpty()
                || fields.stream().anyMatch(f -> f.field() != Field.SOURCES && f.field() != Field.CHECKED);
    }

    /** A number added, changed or removed: the change that matters most to a person who may need to call. */
    public boolean touchesNumbers() {
        return !numbers.isEmpty();
    }

    /** A deadline rule whose length changed ("15 days" to "30 days"): read right after changed numbers. */
    public boolean changesLength() {
        return fields.stream().anyMatch(f -> f.field() == Field.LENGTH);
    }
}
