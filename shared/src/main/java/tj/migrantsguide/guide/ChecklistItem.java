package tj.migrantsguide.guide;

import java.util.Objects;

/** One thing to do or to take. Its id is stable across languages and updates: ticks are kept by it. */
public record ChecklistItem(String id, String text) {
    public ChecklistItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
    }
}
