package tj.migrantsguide.store;

import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.text.Highlighted;

/**
 * One search result, with the matched words highlighted in the original text.
 *
 * @param id the article's, contact's or checklist's id; for a checklist item, the item's id
 * @param checklistId for a checklist item, its checklist; empty otherwise
 * @param title the title, the contact's name, or the checklist item's text
 * @param excerpt the part of the text around the match (for a contact found by number, the number; for a checklist
 *     item, its checklist's title); may be empty
 */
public record SearchHit(
        ItemKind kind,
        String countryCode,
        Language language,
        String id,
        Optional<String> checklistId,
        Highlighted title,
        Highlighted excerpt) {
    public SearchHit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(checklistId, "checklistId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(excerpt, "excerpt");
    }

    /** What tapping the hit opens: the item itself, or for a checklist item its checklist. */
    public ItemRef opens() {
        return kind == ItemKind.CHECKLIST_ITEM
                ? new ItemRef(ItemKind.CHECKLIST, countryCode, checklistId.orElseThrow())
                : new ItemRef(kind, countryCode, id);
    }
}
