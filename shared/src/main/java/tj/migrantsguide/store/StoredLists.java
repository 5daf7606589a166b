package tj.migrantsguide.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
 */
final class StoredLists {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, String>>> PHONES = new TypeReference<>() {};

    private StoredLists() {}

    static String strings(List<String> values) {
        return toJson(values);
    }

    static List<String> strings(String json) {
        return fromJson(json, STRINGS, "read a stored list");
    }

    /** Phones as {@code [{"dial":…,"display":…}]}, the form the search index reads too. */
    static String phones(List<Phone> phones) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Phone phone : phones) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("dial", phone.dial());
            row.put("display", phone.display());
            rows.add(row);
        }
        return toJson(rows);
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
        return fromJson(json, PHONES, "read the phones of a contact");
    }

    static String date(Optional<LocalDate> date) {
        return date.map(LocalDate::toString).orElse(null);
    }

    static Optional<LocalDate> date(String text) {
        return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain lists always serialise", e);
        }
    }

    private static <T> T fromJson(String text, TypeReference<T> type, String operation) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException(operation, e);
        }
    }
}
