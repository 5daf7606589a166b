package tj.migrantsguide.questions;

import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.guide.Language;

/**
 * A question that passed {@link QuestionRules#check}: normalised text within the limits. Only the rules make one,
 * so holding a {@code Question} means it is fit to send. A contact is present only with the person's consent.
 */
public record Question(Topic topic, String country, Language language, String message, Optional<String> contact) {
    public Question {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(contact, "contact");
    }
}
