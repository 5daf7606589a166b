package tj.migrantsguide.questions;

import java.util.List;

/** The result of checking a draft: a question ready to send, or what to fix in which field. */
public sealed interface Validation {
    record Valid(Question question) implements Validation {}

    /** Problems in the order of the form's fields; at most one per field, the one to fix first. */
    record Invalid(List<FieldProblem> problems) implements Validation {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
