package tj.migrantsguide.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Optional;
import tj.migrantsguide.questions.QuestionCodec;

/**
 * Coverage-guided fuzzing (Jazzer) of what the questions inbox sends back to the device (docs/questions-api.md):
 * the receipt of a stored question, the list of questions with answers, an error body; and of the submission body
 * the reference server reads. Whatever the bytes, each reader returns (a value or "not our format") and never throws;
 * a value that was read holds no nulls, so nothing later (the outbox, the screens) trips over one.
 *
 * <p>Regression inputs: {@code src/test/resources/tj/migrantsguide/fuzz/ServerAnswersFuzzTestInputs/<method>/}.
 */
class ServerAnswersFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void aReceiptIsReadOrIgnored(byte[] bytes) {
        QuestionCodec.readReceipt(bytes).ifPresent(receipt -> {
            assertNotNull(receipt.id());
            assertNotNull(receipt.receivedAt());
        });
        QuestionCodec.readErrorMessage(bytes).ifPresent(message -> assertNotNull(message));
    }

    @FuzzTest(maxDuration = "30s")
    void aListOfAnswersIsReadOrIgnored(byte[] bytes) {
        Optional<List<QuestionCodec.RemoteQuestion>> list = QuestionCodec.readQuestionList(bytes);
        list.ifPresent(questions -> {
            for (QuestionCodec.RemoteQuestion q : questions) {
                assertNotNull(q.id());
                assertNotNull(q.idempotencyKey());
                assertNotNull(q.receivedAt());
                q.answer().ifPresent(a -> {
                    assertNotNull(a.text(), "answer text");
                    assertNotNull(a.answeredAt(), "answer time");
                });
            }
        });
    }

    @FuzzTest(maxDuration = "30s")
    void aSubmittedBodyIsReadOrRefusedByName(byte[] bytes) {
        QuestionCodec.ReadSubmission read = QuestionCodec.readSubmission(bytes);
        if (read instanceof QuestionCodec.ReadSubmission.Rejected rejected) {
            assertNotNull(rejected.reason().message());
        } else {
            assertNotNull(((QuestionCodec.ReadSubmission.Read) read).draft());
        }
    }
}
