package tj.migrantsguide.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the question outbox as stored. {@code state} is one of the {@code QuestionStore.WAITING…FAILED}
 * codes; {@code tj.migrantsguide.outbox.Outbox} turns rows into what screens show.
 *
 * @param body the exact bytes sent on every attempt, so that every retry is byte-for-byte the same request
 * @param lastProblem why the last attempt did not go through (for a waiting question), in words
 */
public record StoredQuestion(
        long id,
        String idempotencyKey,
        String server,
        String topic,
        String country,
        String language,
        String message,
        Optional<String> contact,
        byte[] body,
        Instant createdAt,
        String state,
        int attempts,
        Optional<Instant> nextAttemptAt,
        Optional<Instant> lastAttemptAt,
        Optional<String> lastProblem,
        Optional<String> serverId,
        Optional<Instant> sentAt,
        Optional<String> answer,
        Optional<Instant> answeredAt,
        boolean answerSeen,
        Optional<Integer> failureStatus,
        Optional<String> failureReason) {
    public StoredQuestion {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(server, "server");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
