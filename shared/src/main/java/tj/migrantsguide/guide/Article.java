package tj.migrantsguide.guide;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One guide article in one language: a rule or an explanation for one stage of the journey.
 *
 * @param sources where the facts come from ({@code FILE:LINE}, an official page, a law)
 * @param verified the day an editor last checked the facts; empty when that date is unknown
 */
public record Article(
        String id,
        String countryCode,
        Stage stage,
        Language language,
        String title,
        String body,
        List<String> sources,
        Optional<LocalDate> verified,
        int sortOrder) {
    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        sources = List.copyOf(sources);
        Objects.requireNonNull(verified, "verified");
    }
}
