package tj.migrantsguide.questions;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON of the questions API (docs/questions-api.md), written and read the same way by the device and the
 * reference server. Writing is deterministic (fixed field order, no spaces) so that one question always gives the
 * same bytes; reading is strict (UTF-8 only, one object, no unknown or repeated fields, exact types).
 */
public final class QuestionCodec {
    public static final String MEDIA_TYPE = "application/json";
    public static final String CONTENT_TYPE = MEDIA_TYPE + "; charset=utf-8";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final JsonFactory FACTORY = JSON.getFactory();
    private static final Set<String> SUBMISSION_FIELDS = Set.of(
            "topic", "country", "language", "message", "contact", "consent", "about", "number");

    private QuestionCodec() {}

    // ---- the question a device submits ----

    public static byte[] writeSubmission(Question question) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("topic", question.topic().code());
            json.writeStringField("country", question.country());
            json.writeStringField("language", question.language().code());
            json.writeStringField("message", question.message());
            if (question.contact().isPresent()) {
                json.writeStringField("contact", question.contact().get());
                json.writeBooleanField("consent", true);
            }
            if (question.about().isPresent()) {
                json.writeStringField("about", question.about().get().code());
            }
            if (question.number().isPresent()) {
                json.writeStringField("number", question.number().get());
            }
            json.writeEndObject();
        });
    }

    /** Why a submitted body is not even a question to check: the server answers 400 with {@link #code()}. */
    public record BodyRejected(Kind kind, String field, String detail) {
        public enum Kind { NOT_UTF8, MALFORMED_JSON, NOT_AN_OBJECT, UNKNOWN_FIELD, WRONG_TYPE }

        public BodyRejected {
            Objects.requireNonNull(kind, "kind");
            field = Objects.requireNonNullElse(field, "");
            detail = Objects.requireNonNullElse(detail, "");
        }

        public String code() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        public String message() {
            return switch (kind) {
                case NOT_UTF8 -> "The body is not valid UTF-8.";
                case MALFORMED_JSON -> "The body is not one well-formed JSON value: " + detail;
                case NOT_AN_OBJECT -> "The body must be a JSON object.";
                case UNKNOWN_FIELD -> "Unknown field \"" + field + "\"; allowed: " + String.join(", ",
                        SUBMISSION_FIELDS.stream().sorted().toList()) + ".";
                case WRONG_TYPE -> "Field \"" + field + "\" must be " + detail + ".";
            };
        }
    }

    /** A submitted body read as a draft (still to be checked by {@link QuestionRules}), or why it cannot be. */
    public sealed interface ReadSubmission {
        record Read(QuestionDraft draft) implements ReadSubmission {}

        record Rejected(BodyRejected reason) implements ReadSubmission {}
    }

    public static ReadSubmission readSubmission(byte[] body) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return rejected(BodyRejected.Kind.NOT_UTF8, "", "");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            return rejected(BodyRejected.Kind.MALFORMED_JSON, "", firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            return rejected(BodyRejected.Kind.NOT_AN_OBJECT, "", "");
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!SUBMISSION_FIELDS.contains(name)) {
                return rejected(BodyRejected.Kind.UNKNOWN_FIELD, name, "");
            }
        }
        String[] stringFields = {"topic", "country", "language", "message", "contact", "about", "number"};
        String[] strings = new String[stringFields.length];
        for (int i = 0; i < stringFields.length; i++) {
            JsonNode value = root.get(stringFields[i]);
            if (value == null) {
                strings[i] = "";
            } else if (!value.isTextual()) {
                return rejected(BodyRejected.Kind.WRONG_TYPE, stringFields[i], "a string");
            } else {
                strings[i] = value.textValue();
            }
        }
        JsonNode consent = root.get("consent");
        if (consent != null && !consent.isBoolean()) {
            return rejected(BodyRejected.Kind.WRONG_TYPE, "consent", "true or false");
        }
        return new ReadSubmission.Read(new QuestionDraft(strings[0], strings[1], strings[2], strings[3], strings[4],
                consent != null && consent.booleanValue(), strings[5], strings[6]));
    }

    private static ReadSubmission rejected(BodyRejected.Kind kind, String field, String detail) {
        return new ReadSubmission.Rejected(new BodyRejected(kind, field, detail));
    }

    // ---- the server's receipt for a stored question ----

    /** What the server gives back for a stored question: its id there and when it arrived. */
    public record Receipt(String id, Instant receivedAt) {}

    public static byte[] writeReceipt(Receipt receipt) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("id", receipt.id());
            json.writeStringField("receivedAt", receipt.receivedAt().toString());
            json.writeEndObject();
        });
    }

    public static Optional<Receipt> readReceipt(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode id = root == null ? null : root.get("id");
            JsonNode received = root == null ? null : root.get("receivedAt");
            if (id == null || !id.isTextual() || id.textValue().isEmpty() || received == null || !received.isTextual()) {
                return Optional.empty();
            }
            return Optional.of(new Receipt(id.textValue(), Instant.parse(received.textValue())));
        } catch (IOException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    // ---- the list a device reads: its own questions on the server, with answers ----

    public record RemoteAnswer(String text, Instant answeredAt) {
        public RemoteAnswer {
            // An answer whose text is not a string ({"text":5}) used to come through as null and stopped the outbox's
            // sync with a NullPointerException; readQuestionList now takes such a list as "not our format".
            // Found by fuzzing: fuzz/ServerAnswersFuzzTestInputs/aListOfAnswersIsReadOrIgnored/crash-answer-text-not-text.
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(answeredAt, "answeredAt");
        }
    }

    /** One of this device's questions as the server holds it. */
    public record RemoteQuestion(String id, String idempotencyKey, Instant receivedAt, Optional<RemoteAnswer> answer) {
        public RemoteQuestion {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(idempotencyKey, "idempotencyKey");
            Objects.requireNonNull(receivedAt, "receivedAt");
            Objects.requireNonNull(answer, "answer");
        }
    }

    public static byte[] writeQuestionList(List<RemoteQuestion> questions) {
        return write(json -> {
            json.writeStartObject();
            json.writeArrayFieldStart("questions");
            for (RemoteQuestion q : questions) {
                json.writeStartObject();
                json.writeStringField("id", q.id());
                json.writeStringField("idempotencyKey", q.idempotencyKey());
                json.writeStringField("receivedAt", q.receivedAt().toString());
                json.writeStringField("state", q.answer().isPresent() ? "answered" : "open");
                if (q.answer().isPresent()) {
                    json.writeObjectFieldStart("answer");
                    json.writeStringField("text", q.answer().get().text());
                    json.writeStringField("answeredAt", q.answer().get().answeredAt().toString());
                    json.writeEndObject();
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
    }

    /** The list, or empty when the body is not one (the caller reports a bad response). */
    public static Optional<List<RemoteQuestion>> readQuestionList(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode items = root == null ? null : root.get("questions");
            if (!(items instanceof ArrayNode array)) {
                return Optional.empty();
            }
            List<RemoteQuestion> questions = new ArrayList<>();
            for (JsonNode item : array) {
                Optional<RemoteAnswer> answer = Optional.empty();
                JsonNode a = item.get("answer");
                if (a != null && a.isObject()) {
                    answer = Optional.of(new RemoteAnswer(a.get("text").textValue(),
                            Instant.parse(a.get("answeredAt").textValue())));
                }
                questions.add(new RemoteQuestion(item.get("id").textValue(), item.get("idempotencyKey").textValue(),
                        Instant.parse(item.get("receivedAt").textValue()), answer));
            }
            return Optional.of(questions);
        } catch (IOException | DateTimeParseException | NullPointerException e) {
            // A missing field shows up as a null node or null text; any of them means "not our format".
            return Optional.empty();
        }
    }

    // ---- errors ----

    /** An error body: a stable code, an English sentence, and for invalid questions the problem per field. */
    public static byte[] writeError(String code, String message, List<FieldProblem> problems) {
        return write(json -> {
            json.writeStartObject();
            json.writeStringField("error", code);
            json.writeStringField("message", message);
            if (!problems.isEmpty()) {
                json.writeArrayFieldStart("problems");
                for (FieldProblem p : problems) {
                    json.writeStartObject();
                    json.writeStringField("field", p.field().jsonName());
                    json.writeStringField("problem", p.code());
                    json.writeStringField("message", p.message());
                    for (Map.Entry<String, Object> e : details(p).entrySet()) {
                        json.writeObjectField(e.getKey(), e.getValue());
                    }
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        });
    }

    private static Map<String, Object> details(FieldProblem problem) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (problem instanceof FieldProblem.TooShort p) {
            details.put("minimum", p.minimum());
            details.put("actual", p.actual());
        } else if (problem instanceof FieldProblem.TooLong p) {
            details.put("maximum", p.maximum());
            details.put("actual", p.actual());
        } else if (problem instanceof FieldProblem.ForbiddenCharacter p) {
            details.put("codePoint", String.format(java.util.Locale.ROOT, "U+%04X", p.codePoint()));
            details.put("position", p.position());
        }
        return details;
    }

    /** The sentence of an error body ({@code message}), for showing why a question failed. */
    public static Optional<String> readErrorMessage(byte[] body) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode message = root == null ? null : root.get("message");
            return message != null && message.isTextual() ? Optional.of(message.textValue()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    // ---- helpers ----

    private interface Writing {
        void to(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Writing writing) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            writing.to(json);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to memory", e);
        }
        return out.toByteArray();
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
