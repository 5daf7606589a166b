package tj.migrantsguide.outbox;

import java.util.ArrayList;
import java.util.List;

/**
 * What a sync did: sending, then reading answers and finishing deletions.
 *
 * @param newAnswers answers that arrived (or changed) in this sync
 * @param deletedOnServer questions deleted on the device that are now gone from the server too
 * @param problems everything that did not work, sending and reading together
 */
public record SyncReport(SendReport sending, int newAnswers, int deletedOnServer, List<OutboxProblem> problems) {
    public SyncReport {
        problems = List.copyOf(problems);
    }

    static SyncReport of(SendReport sending, int newAnswers, int deletedOnServer, List<OutboxProblem> fetching) {
        List<OutboxProblem> all = new ArrayList<>(sending.problems());
        all.addAll(fetching);
        return new SyncReport(sending, newAnswers, deletedOnServer, all);
    }
}
