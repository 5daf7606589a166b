package tj.migrantsguide.guide;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A list to tick, such as the documents to take before leaving, in one language. */
public record Checklist(
        String id,
        String countryCode,
        Stage stage,
        Language language,
        String title,
        List<ChecklistItem> items,
        List<String> sources,
        Optional<LocalDate> verified,
        int sortOrder) {
    public Checklist {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        items = List.copyOf(items);
        sources = List.copyOf(sources);
        Objects.requireNonNull(verified, "verified");
    }
}
