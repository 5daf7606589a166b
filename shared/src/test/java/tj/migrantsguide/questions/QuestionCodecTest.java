package tj.migrantsguide.questions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.guide.Language;

class QuestionCodecTest {
    private static final Question QUESTION = new Question(Topic.WORK_AND_PAY, "RU", Language.TAJIK,
            "Корфармо музд намедиҳад.\n\"Чӣ кор кунам?\"", Optional.of("name@example.org"));

    private static QuestionCodec.BodyRejected rejected(String body) {
        return rejected(body.getBytes(StandardCharsets.UTF_8));
    }

    private static QuestionCodec.BodyRejected rejected(byte[] body) {
        return assertInstanceOf(QuestionCodec.ReadSubmission.Rejected.class, QuestionCodec.readSubmission(body))
                .reason();
    }

    @Test
    void theSameQuestionAlwaysGivesTheSameBytes() {
        byte[] first = QuestionCodec.writeSubmission(QUESTION);
        byte[] second = QuestionCodec.writeSubmission(new Question(Topic.WORK_AND_PAY, "RU", Language.TAJIK,
                QUESTION.message(), QUESTION.contact()));

        assertArrayEquals(first, second);
        assertEquals("{\"topic\":\"work-and-pay\",\"country\":\"RU\",\"language\":\"tg\","
                + "\"message\":\"Корфармо музд намедиҳад.\\n\\\"Чӣ кор кунам?\\\"\","
                + "\"contact\":\"name@example.org\",\"consent\":true}", new String(first, StandardCharsets.UTF_8));
    }

    @Test
    void aReportCarriesItsItemAndNumberLastAndReadsBack() {
        Question report = new Question(Topic.REPORT_A_PROBLEM, "RU", Language.RUSSIAN,
                "Номер 227-07-07-07 не работает.", Optional.empty(),
                Optional.of(new ReportedContact("RU", "trafficking-hotline-227-ru")), Optional.of("227-07-07-07"));
        byte[] body = QuestionCodec.writeSubmission(report);

        assertEquals("{\"topic\":\"report-a-problem\",\"country\":\"RU\",\"language\":\"ru\","
                + "\"message\":\"Номер 227-07-07-07 не работает.\",\"about\":\"contact/RU/trafficking-hotline-227-ru\","
                + "\"number\":\"227-07-07-07\"}", new String(body, StandardCharsets.UTF_8));
        var read = assertInstanceOf(QuestionCodec.ReadSubmission.Read.class, QuestionCodec.readSubmission(body));
        assertEquals(report, assertInstanceOf(Validation.Valid.class, QuestionRules.check(read.draft())).question());
        assertEquals(new QuestionCodec.BodyRejected(QuestionCodec.BodyRejected.Kind.WRONG_TYPE, "about", "a string"),
                rejected("{\"about\":{\"kind\":\"contact\"}}"));
    }

    @Test
    void aWrittenSubmissionReadsBackToTheSameQuestion() {
        var read = assertInstanceOf(QuestionCodec.ReadSubmission.Read.class,
                QuestionCodec.readSubmission(QuestionCodec.writeSubmission(QUESTION)));

        assertEquals(QUESTION, assertInstanceOf(Validation.Valid.class, QuestionRules.check(read.draft())).question());
    }

    @Test
    void refusesBodiesThatAreNotStrictJsonObjectsOfKnownFields() {
        assertEquals(QuestionCodec.BodyRejected.Kind.NOT_UTF8,
                rejected(new byte[] {'{', '"', 'm', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}).kind());
        assertEquals(QuestionCodec.BodyRejected.Kind.MALFORMED_JSON, rejected("{\"topic\":").kind());
        assertEquals(QuestionCodec.BodyRejected.Kind.MALFORMED_JSON, rejected("{} {}").kind());
        assertEquals(QuestionCodec.BodyRejected.Kind.MALFORMED_JSON,
                rejected("{\"topic\":\"health\",\"topic\":\"family\"}").kind());
        assertEquals(QuestionCodec.BodyRejected.Kind.NOT_AN_OBJECT, rejected("[]").kind());
        assertEquals(QuestionCodec.BodyRejected.Kind.NOT_AN_OBJECT, rejected("").kind());
        assertEquals(new QuestionCodec.BodyRejected(QuestionCodec.BodyRejected.Kind.UNKNOWN_FIELD, "phone", ""),
                rejected("{\"topic\":\"health\",\"phone\":\"0000000\"}"));
        assertEquals(new QuestionCodec.BodyRejected(QuestionCodec.BodyRejected.Kind.WRONG_TYPE, "message", "a string"),
                rejected("{\"message\":12345678901}"));
        assertEquals(new QuestionCodec.BodyRejected(QuestionCodec.BodyRejected.Kind.WRONG_TYPE, "contact", "a string"),
                rejected("{\"contact\":null}"));
        assertEquals(QuestionCodec.BodyRejected.Kind.WRONG_TYPE, rejected("{\"consent\":\"yes\"}").kind());
        assertEquals(QuestionCodec.BodyRejected.Kind.WRONG_TYPE, rejected("{\"topic\":{\"code\":\"health\"}}").kind());
    }

    @Test
    void theListOfQuestionsReadsBackWithAnswers() {
        var answered = new QuestionCodec.RemoteQuestion("q1", "k1", Instant.parse("2026-11-23T10:00:00Z"),
                Optional.of(new QuestionCodec.RemoteAnswer("Ҷавоб", Instant.parse("2026-11-24T09:30:00Z"))));
        var open = new QuestionCodec.RemoteQuestion("q2", "k2", Instant.parse("2026-11-23T11:00:00Z"),
                Optional.empty());

        assertEquals(Optional.of(List.of(answered, open)),
                QuestionCodec.readQuestionList(QuestionCodec.writeQuestionList(List.of(answered, open))));
        assertEquals(Optional.empty(), QuestionCodec.readQuestionList("{\"questions\":[{\"id\":\"q\"}]}"
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), QuestionCodec.readQuestionList("<html>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void errorBodiesCarryTheProblemPerField() {
        byte[] body = QuestionCodec.writeError("invalid_question", "The question breaks the rules.",
                List.of(new FieldProblem.TooShort(QuestionField.MESSAGE, 10, 3)));

        assertEquals("{\"error\":\"invalid_question\",\"message\":\"The question breaks the rules.\",\"problems\":"
                + "[{\"field\":\"message\",\"problem\":\"too_short\",\"message\":\"Write at least 10 characters "
                + "(now 3).\",\"minimum\":10,\"actual\":3}]}", new String(body, StandardCharsets.UTF_8));
        assertEquals(Optional.of("The question breaks the rules."), QuestionCodec.readErrorMessage(body));
    }
}
