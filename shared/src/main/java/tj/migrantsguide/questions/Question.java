package tj.migrantsguide.questions;

import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.guide.Language;

/**
 * A question that passed {@link QuestionRules#check}: normalised text within the limits. Only the rules make one,
 * so holding a {@code Question} means it is fit to send. A contact is present only with the person's consent; an
 * item ({@code about}) only on a report of a problem, and a number only with its item.
 */
public record Question(Topic topic, String country, Language language, String message, Optional<String> contact,
        Optional<ReportedContact> about, Optional<String> number) {
    public Question {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(about, "about");
        Objects.requireNonNull(number, "number");
    }

    /** A question about no item of the guide. */
    public Question(Topic topic, String country, Language language, String message, Optional<String> contact) {
        this(topic, country, language, message, contact, Optional.empty(), Optional.empty());
    }
}
