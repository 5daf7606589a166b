package tj.migrantsguide.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.guide.Phone;

/**
 * The few values content.db keeps as text: lists (sources, phones) as JSON, dates as ISO text. One place for both
 * directions, so what {@link ContentWriter} writes is what {@link ContentReader} and {@link SearchIndex} read.
 *
 * <p>Jackson's streaming core, not its data binding: these are flat lists of strings, and every start reads some
 * (the home screen's contacts), while an {@code ObjectMapper}'s first use loads some 330 classes more and costs a
 * few hundred milliseconds of a cold JVM (docs/performance.md, "Start-up: less work before the first frame").
 */
final class StoredLists {
    private static final JsonFactory JSON = new JsonFactory();

    private StoredLists() {}

    static String strings(List<String> values) {
        return write(json -> {
            json.writeStartArray();
            for (String value : values) {
                json.writeString(value);
            }
            json.writeEndArray();
        });
    }

    static List<String> strings(String json) {
        String operation = "read a stored list";
        return read(json, operation, parser -> {
            List<String> values = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                values.add(scalar(parser, token, operation));
            }
            return values;
        });
    }

    /** Phones as {@code [{"dial":…,"display":…}]}, the form the search index reads too. */
    static String phones(List<Phone> phones) {
        return write(json -> {
            json.writeStartArray();
            for (Phone phone : phones) {
                json.writeStartObject();
                json.writeStringField("dial", phone.dial());
                json.writeStringField("display", phone.display());
                json.writeEndObject();
            }
            json.writeEndArray();
        });
    }

    static List<Phone> phones(String json) {
        List<Phone> phones = new ArrayList<>();
        for (Map<String, String> row : phoneRows(json)) {
            phones.add(new Phone(row.get("dial"), row.get("display")));
        }
        return phones;
    }

    /** The stored rows as they are (a missing field reads as absent, not as a failure). */
    static List<Map<String, String>> phoneRows(String json) {
        String operation = "read the phones of a contact";
        return read(json, operation, parser -> {
            List<Map<String, String>> rows = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
                if (token != JsonToken.START_OBJECT) {
                    throw new StoreException(operation, new IOException("expected an object, found " + token));
                }
                Map<String, String> row = new LinkedHashMap<>();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    row.put(field, scalar(parser, parser.nextToken(), operation));
                }
                rows.add(row);
            }
            return rows;
        });
    }

    static String date(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse(null);
    }

    static Optional<LocalDate> date(String text) {
        return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
    }

    private interface Writing {
        void to(JsonGenerator json) throws IOException;
    }

    private interface Reading<T> {
        T from(JsonParser parser) throws IOException;
    }

    private static String write(Writing writing) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            writing.to(json);
        } catch (IOException e) {
            throw new IllegalStateException("plain lists always serialise", e);
        }
        return text.toString();
    }

    /** An array and nothing after it; anything else (damaged text, another shape) is the store's failure. */
    private static <T> T read(String text, String operation, Reading<T> reading) {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_ARRAY) {
                throw new StoreException(operation, new IOException("expected a JSON array, found " + first));
            }
            T value = reading.from(parser);
            JsonToken after = parser.nextToken();
            if (after != null) {
                throw new StoreException(operation, new IOException("text after the array: " + after));
            }
            return value;
        } catch (IOException e) {
            throw new StoreException(operation, e);
        }
    }

    /** A string, or a number or boolean as its text (as data binding read them), or null. */
    private static String scalar(JsonParser parser, JsonToken token, String operation) throws IOException {
        if (token == null) {
            throw new StoreException(operation, new IOException("the list ends too early"));
        }
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new StoreException(operation, new IOException("expected a text, found " + token));
        }
        return parser.getValueAsString();
    }
}
