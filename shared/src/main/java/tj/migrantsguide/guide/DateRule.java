package tj.migrantsguide.guide;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A deadline that keeps a migrant legal, as the signed feed states it in one language: what it obliges, the event
 * it counts from, how long it gives, what happens when it is missed, and where to read more. Only rules a source
 * supports are published (content/SPEC.md); the dates are computed on the device ({@code tj.migrantsguide.dates}).
 *
 * @param title the obligation as an action ("Register your stay")
 * @param body the rule in plain words
 * @param missed what happens when the deadline is missed, in words
 * @param articleId the article of the same country to open for the details
 * @param contactIds contacts of the same country to offer (the office, the mission)
 * @param verified the day an editor last checked the rule; empty when that date is unknown ("not yet verified")
 */
public record DateRule(
        String id,
        String countryCode,
        Language language,
        Obligation obligation,
        DateEvent countsFrom,
        RuleLength length,
        String title,
        String body,
        String missed,
        String articleId,
        List<String> contactIds,
        List<String> sources,
        Optional<LocalDate> verified,
        int sortOrder) {
    public DateRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(obligation, "obligation");
        Objects.requireNonNull(countsFrom, "countsFrom");
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(missed, "missed");
        Objects.requireNonNull(articleId, "articleId");
        contactIds = List.copyOf(contactIds);
        sources = List.copyOf(sources);
        Objects.requireNonNull(verified, "verified");
    }
}
