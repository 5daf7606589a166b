package tj.migrantsguide.store;

import java.util.Optional;

/** The things a person can find, bookmark or have recently opened, and the rules an update can change. */
public enum ItemKind {
    ARTICLE("article"),
    CONTACT("contact"),
    CHECKLIST("checklist"),
    /** One line of a checklist: found by search; opening it opens its checklist. */
    CHECKLIST_ITEM("checklist-item"),
    /** A country's deadline rule (issue 16): What changed lists it; search and bookmarks do not hold it. */
    RULE("rule");

    private final String code;

    ItemKind(String code) {
        this.code = code;
    }

    /** As stored in the database. */
    public String code() {
        return code;
    }

    public static Optional<ItemKind> fromCode(String code) {
        for (ItemKind kind : values()) {
            if (kind.code.equals(code)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
