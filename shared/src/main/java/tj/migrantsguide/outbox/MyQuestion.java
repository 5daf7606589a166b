package tj.migrantsguide.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.questions.Topic;
import tj.migrantsguide.questions.QuestionState;

/**
 * One line of "My questions": what the person asked and where it is now.
 *
 * @param id the question's number on this device (for {@link Outbox#delete}, {@link Outbox#markAnswerSeen}…)
 * @param attempts how many times the device tried to send it
 * @param nextAttemptAt for a waiting question, when the outbox will try again
 * @param waitingBecause for a waiting question that already failed to go, why ("no connection", "server busy")
 * @param newAnswer an answer arrived that the person has not seen yet (the marker in the list)
 * @param failure for a failed question, what the server said
 */
public record MyQuestion(
        long id,
        Topic topic,
        String country,
        Language language,
        String message,
        Optional<String> contact,
        QuestionState state,
        Instant askedAt,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<String> waitingBecause,
        Optional<Instant> sentAt,
        Optional<Answer> answer,
        boolean newAnswer,
        Optional<Failure> failure) {

    public record Answer(String text, Instant answeredAt) {}

    /** The server's refusal: its HTTP status and its reason, in its words. */
    public record Failure(int status, String reason) {}

    public MyQuestion {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(failure, "failure");
    }
}
