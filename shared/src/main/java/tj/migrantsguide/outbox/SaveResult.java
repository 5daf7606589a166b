package tj.migrantsguide.outbox;

import java.util.List;
import tj.migrantsguide.questions.FieldProblem;

/** What pressing "send" did: the question is safe on the device, or the form needs fixing first. */
public sealed interface SaveResult {
    record Saved(MyQuestion question) implements SaveResult {}

    record Invalid(List<FieldProblem> problems) implements SaveResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
