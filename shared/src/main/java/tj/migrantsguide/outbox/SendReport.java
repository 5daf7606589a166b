package tj.migrantsguide.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What one round of sending did.
 *
 * @param sent questions the server now has
 * @param failed questions the server refused for good in this round
 * @param waiting questions still waiting after the round
 * @param nextAttemptAt when the earliest waiting question is due (for scheduling the next round)
 */
public record SendReport(int sent, int failed, int waiting, Optional<Instant> nextAttemptAt,
        List<OutboxProblem> problems) {
    public SendReport {
        problems = List.copyOf(problems);
    }
}
