package tj.migrantsguide.store;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.guide.Language;

/**
 * One installed content update and what it changed, item by item and per language ({@link ItemChange}). The first
 * install of the app's content records nothing (nothing changed for the person); a content file rebuilt after
 * damage records one entry of kind {@link Kind#REBUILT} with no items, instead of listing the whole guide as new.
 *
 * @param id grows with each update recorded on this device
 * @param items in the order of the packs and of the guide; {@link #forReading} sorts them for a person
 */
public record ContentChanges(long id, long fromVersion, long toVersion, Instant installedAt, Kind kind,
        List<ItemChange> items) {
    public enum Kind {
        /** An update from {@code fromVersion} to {@code toVersion}, with its changes. */
        UPDATE("update"),
        /** The content file was damaged and rebuilt from the app's own content: what changed before is not known. */
        REBUILT("rebuilt");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Optional<Kind> fromCode(String code) {
            for (Kind kind : values()) {
                if (kind.code.equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }
    }

    /** How many items of each kind changed in one language, for the line "Updated: 3 articles, 1 number changed". */
    public record Summary(int articles, int checklists, int contacts, int numbers, int rules) {
        public boolean isEmpty() {
            return articles + checklists + contacts + numbers + rules == 0;
        }

        /** In English, for the command line: "3 articles, 1 phone number changed". */
        public String describe() {
            List<String> parts = new java.util.ArrayList<>();
            count(parts, articles, "article", "articles");
            count(parts, checklists, "checklist", "checklists");
            count(parts, contacts, "contact", "contacts");
            count(parts, rules, "deadline rule", "deadline rules");
            if (numbers > 0) {
                parts.add(numbers + (numbers == 1 ? " phone number changed" : " phone numbers changed"));
            }
            return parts.isEmpty() ? "nothing visible changed" : String.join(", ", parts);
        }

        private static void count(List<String> parts, int n, String one, String many) {
            if (n > 0) {
                parts.add(n + " " + (n == 1 ? one : many));
            }
        }
    }

    public ContentChanges {
        Objects.requireNonNull(installedAt, "installedAt");
        Objects.requireNonNull(kind, "kind");
        items = List.copyOf(items);
    }

    public List<ItemChange> in(Language language) {
        return items.stream().filter(i -> i.language() == language).toList();
    }

    public Summary summary(Language language) {
        int articles = 0;
        int checklists = 0;
        int contacts = 0;
        int numbers = 0;
        int rules = 0;
        for (ItemChange item : in(language)) {
            if (!item.substantive()) {
                continue;
            }
            switch (item.kind()) {
                case ARTICLE -> articles++;
                case CHECKLIST -> checklists++;
                case CONTACT -> contacts++;
                case RULE -> rules++;
                case CHECKLIST_ITEM -> checklists++;
            }
            numbers += item.numbers().size();
        }
        return new Summary(articles, checklists, contacts, numbers, rules);
    }

    /**
     * The items in {@code language} in the order a person reads them: numbers changed first, then deadline rules whose length changed, then the items they
     * care about ({@code mine}: bookmarked, or a checklist they ticked in), then the rest in guide order.
     */
    public List<ItemChange> forReading(Language language, java.util.function.Predicate<ItemRef> mine) {
        List<ItemChange> sorted = new java.util.ArrayList<>(in(language));
        sorted.sort(java.util.Comparator.comparing((ItemChange i) -> !i.touchesNumbers())
                .thenComparing(i -> !i.changesLength())
                .thenComparing(i -> !mine.test(i.ref())));
        return sorted;
    }
}
