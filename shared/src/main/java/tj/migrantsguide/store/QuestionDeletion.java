package tj.migrantsguide.store;

import java.time.Instant;
import java.util.Optional;

/**
 * A question deleted on the device that may exist on the server and must be deleted there too. It keeps no text:
 * only what is needed to find the question on the server.
 *
 * @param serverId the server's id, when the device had learnt it
 * @param lastSendAttemptAt when the device last tried to send it; a question not on the server's list may still
 *     be in flight for a short while after this
 */
public record QuestionDeletion(String idempotencyKey, String server, Optional<String> serverId,
        Optional<Instant> lastSendAttemptAt, Instant requestedAt) {}
