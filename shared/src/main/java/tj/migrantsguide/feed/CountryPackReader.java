package tj.migrantsguide.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Obligation;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.guide.RuleLength;
import tj.migrantsguide.guide.Stage;

/**
 * Reads a country pack token by token ({@link FeedCodec#readCountryPack}): the pack is the one large file of a feed
 * (a device installing 100,000 items reads 38 MB of them), and building a tree of it first cost about as much
 * again as reading it, in time and in memory (docs/performance.md).
 *
 * <p>The rules are the tree reader's: every field present with its type, unknown fields ignored, the last of a
 * repeated field counts, one JSON value and nothing after it, the same problems in the same words. Each object's
 * fields are collected in whatever order they come, then checked in a fixed order, so a file with one problem is
 * told that problem; with several, a problem inside a list may be told before one at the top.
 */
final class CountryPackReader {
    /** A field that was there but is not a scalar of any kind a pack uses (an object, a list, a fraction). */
    private static final Object OTHER = new Object();
    /** JSON {@code null}. */
    private static final Object NULL = new Object();

    private final String file;
    private final JsonParser parser;

    private CountryPackReader(String file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    static CountryPack read(JsonFactory factory, String file, byte[] bytes) throws FeedFormatException {
        try (JsonParser parser = factory.createParser(bytes)) {
            CountryPackReader in = new CountryPackReader(file, parser);
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedFormatException(file, "not a JSON object");
            }
            CountryPack pack = in.pack();
            if (parser.nextToken() != null) {
                throw new FeedFormatException(file, "not valid JSON: something after the pack");
            }
            return pack;
        } catch (JsonProcessingException e) {
            throw new FeedFormatException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeedFormatException(file, "not readable: " + e.getMessage(), e);
        }
    }

    /** An item read before the pack's country and language may be known (fields can come in any order). */
    @FunctionalInterface
    private interface Placed<T> {
        T in(String country, Language language);
    }

    private CountryPack pack() throws IOException, FeedFormatException {
        Object format = null;
        Object country = null;
        Object language = null;
        List<Placed<Article>> articles = null;
        List<Placed<Contact>> contacts = null;
        List<Placed<Checklist>> checklists = null;
        List<Placed<DateRule>> rules = List.of(); // optional: packs without rules do not carry the field
        boolean rulesOther = false;
        boolean articlesOther = false;
        boolean contactsOther = false;
        boolean checklistsOther = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            switch (name) {
                case "format" -> format = scalar(token);
                case "country" -> country = scalar(token);
                case "language" -> language = scalar(token);
                case "articles" -> {
                    articlesOther = token != JsonToken.START_ARRAY;
                    articles = articlesOther ? skip(null) : objects("id", this::article);
                }
                case "contacts" -> {
                    contactsOther = token != JsonToken.START_ARRAY;
                    contacts = contactsOther ? skip(null) : objects("phones", this::contact);
                }
                case "checklists" -> {
                    checklistsOther = token != JsonToken.START_ARRAY;
                    checklists = checklistsOther ? skip(null) : objects("items", this::checklist);
                }
                case "rules" -> {
                    rulesOther = token != JsonToken.START_ARRAY;
                    rules = rulesOther ? skip(null) : objects("id", this::rule);
                }
                default -> parser.skipChildren();
            }
        }
        integer(format, "format");
        String countryCode = text(country, "country");
        String code = text(language, "language");
        Language lang = Language.fromCode(code)
                .orElseThrow(() -> new FeedFormatException(file, "unknown language '" + code + "'"));
        return new CountryPack(countryCode, lang,
                place(list(articles, articlesOther, "articles"), countryCode, lang),
                place(list(contacts, contactsOther, "contacts"), countryCode, lang),
                place(list(checklists, checklistsOther, "checklists"), countryCode, lang),
                place(list(rules, rulesOther, "rules"), countryCode, lang));
    }

    private <T> List<T> list(List<T> read, boolean other, String name) throws FeedFormatException {
        if (other) {
            throw new FeedFormatException(file, "field '" + name + "' must be a list");
        }
        if (read == null) {
            throw new FeedFormatException(file, "missing field '" + name + "'");
        }
        return read;
    }

    private static <T> List<T> place(List<Placed<T>> items, String country, Language language) {
        List<T> placed = new ArrayList<>(items.size());
        for (Placed<T> item : items) {
            placed.add(item.in(country, language));
        }
        return placed;
    }

    // ---- items ----

    private Placed<Article> article() throws IOException, FeedFormatException {
        Object[] f = fields(ARTICLE);
        String id = text(f[0], "id");
        Stage stage = stage(f[1]);
        String title = text(f[2], "title");
        String body = text(f[3], "body");
        List<String> sources = strings(f[4], "sources");
        Optional<LocalDate> verified = optionalDate(f[5], "verified");
        int order = integer(f[6], "order");
        return (country, language) -> new Article(id, country, stage, language, title, body, sources, verified, order);
    }

    private static final String[] ARTICLE = {"id", "stage", "title", "body", "sources", "verified", "order"};

    private Placed<Contact> contact() throws IOException, FeedFormatException {
        Object[] f = fields(CONTACT);
        List<Phone> phones = new ArrayList<>();
        for (Object phone : list(f[3], "phones")) {
            phones.add((Phone) phone);
        }
        String id = text(f[0], "id");
        ContactKind kind = contactKind(f[1]);
        String name = text(f[2], "name");
        String address = text(f[4], "address");
        String hours = text(f[5], "hours");
        String languages = text(f[6], "languages");
        String email = text(f[7], "email");
        String website = text(f[8], "website");
        String note = text(f[9], "note");
        List<String> sources = strings(f[10], "sources");
        Optional<LocalDate> verified = optionalDate(f[11], "verified");
        boolean emergency = bool(f[12], "emergency");
        int order = integer(f[13], "order");
        return (country, language) -> new Contact(id, country, kind, language, name, phones, address, hours,
                languages, email, website, note, sources, verified, emergency, order);
    }

    private static final String[] CONTACT = {"id", "kind", "name", "phones", "address", "hours", "languages",
            "email", "website", "note", "sources", "verified", "emergency", "order"};

    private Placed<Checklist> checklist() throws IOException, FeedFormatException {
        Object[] f = fields(CHECKLIST);
        List<ChecklistItem> items = new ArrayList<>();
        for (Object item : list(f[3], "items")) {
            items.add((ChecklistItem) item);
        }
        String id = text(f[0], "id");
        Stage stage = stage(f[1]);
        String title = text(f[2], "title");
        List<String> sources = strings(f[4], "sources");
        Optional<LocalDate> verified = optionalDate(f[5], "verified");
        int order = integer(f[6], "order");
        return (country, language) -> new Checklist(id, country, stage, language, title, items, sources, verified,
                order);
    }

    private static final String[] CHECKLIST = {"id", "stage", "title", "items", "sources", "verified", "order"};

    private Placed<DateRule> rule() throws IOException, FeedFormatException {
        Object[] f = fields(RULE);
        String id = text(f[0], "id");
        String obliges = text(f[1], "obliges");
        Obligation obligation = Obligation.fromCode(obliges)
                .orElseThrow(() -> new FeedFormatException(file, "rule " + id + ": unknown obligation '" + obliges + "'"));
        String from = text(f[2], "counts_from");
        DateEvent event = DateEvent.fromCode(from)
                .orElseThrow(() -> new FeedFormatException(file, "rule " + id + ": unknown event '" + from + "'"));
        String lengthText = text(f[3], "length");
        RuleLength length = RuleLength.parse(lengthText)
                .filter(l -> l.problem().isEmpty())
                .orElseThrow(() -> new FeedFormatException(file, "rule " + id + ": unreadable length '" + lengthText
                        + "'"));
        String title = text(f[4], "title");
        String body = text(f[5], "body");
        String missed = text(f[6], "missed");
        String article = text(f[7], "article");
        List<String> contacts = strings(f[8], "contacts");
        List<String> sources = strings(f[9], "sources");
        Optional<LocalDate> verified = optionalDate(f[10], "verified");
        int order = integer(f[11], "order");
        return (country, language) -> new DateRule(id, country, language, obligation, event, length, title, body,
                missed, article, contacts, sources, verified, order);
    }

    private static final String[] RULE = {"id", "obliges", "counts_from", "length", "title", "body", "missed",
            "article", "contacts", "sources", "verified", "order"};

    private Phone phone() throws IOException, FeedFormatException {
        Object[] f = fields(PHONE);
        return new Phone(text(f[0], "dial"), text(f[1], "display"));
    }

    private static final String[] PHONE = {"dial", "display"};

    private ChecklistItem item() throws IOException, FeedFormatException {
        Object[] f = fields(ITEM);
        return new ChecklistItem(text(f[0], "id"), text(f[1], "text"));
    }

    private static final String[] ITEM = {"id", "text"};

    // ---- reading ----

    /** Reads one element of a list of objects, the parser on its START_OBJECT. */
    @FunctionalInterface
    private interface ObjectReader<T> {
        T read() throws IOException, FeedFormatException;
    }

    /** The parser on a START_ARRAY: reads every element as an object, each by {@code reader}. */
    private <T> List<T> objects(String firstField, ObjectReader<T> reader) throws IOException, FeedFormatException {
        List<T> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.START_OBJECT) {
                throw new FeedFormatException(file, "expected an object holding '" + firstField + "'");
            }
            items.add(reader.read());
        }
        return items;
    }

    /**
     * The parser on an object's START_OBJECT: the values of the fields named, by position ({@code null} where
     * missing). Scalars as {@link #scalar}; the lists a pack has inside items ({@code sources}, {@code phones},
     * {@code items}) read at once, as a {@code List} or {@link #OTHER} when the value is not a list.
     */
    private Object[] fields(String[] names) throws IOException, FeedFormatException {
        Object[] values = new Object[names.length];
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken token = parser.nextToken();
            int slot = slot(names, name);
            if (slot < 0) {
                parser.skipChildren();
            } else if (token == JsonToken.START_ARRAY) {
                values[slot] = switch (name) {
                    case "sources", "contacts" -> strings(name);
                    case "phones" -> objects("dial", this::phone);
                    case "items" -> objects("id", this::item);
                    default -> skip(OTHER);
                };
            } else {
                values[slot] = scalar(token);
            }
        }
        return values;
    }

    private static int slot(String[] names, String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The parser on a START_ARRAY: its strings, or a problem for the first element that is not one. */
    private List<String> strings(String name) throws IOException, FeedFormatException {
        List<String> values = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token != JsonToken.VALUE_STRING) {
                throw new FeedFormatException(file, "field '" + name + "' must hold only text");
            }
            values.add(parser.getText());
        }
        return values;
    }

    /** The current value as a String, Integer, Long, Boolean, {@link #NULL} or {@link #OTHER}. */
    private Object scalar(JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> parser.getIntValue();
                case LONG -> parser.getLongValue();
                default -> OTHER;
            };
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> NULL;
            default -> skip(OTHER);
        };
    }

    private <T> T skip(T result) throws IOException {
        parser.skipChildren();
        return result;
    }

    // ---- checking, in the tree reader's words ----

    private String text(Object value, String name) throws FeedFormatException {
        if (value instanceof String text) {
            FeedCodec.checkWholeCharacters(file, text, name);
            return text;
        }
        throw problem(value, name, "must be text");
    }

    private int integer(Object value, String name) throws FeedFormatException {
        if (value instanceof Integer number) {
            return number;
        }
        throw problem(value, name, "must be a whole number");
    }

    private boolean bool(Object value, String name) throws FeedFormatException {
        if (value instanceof Boolean bool) {
            return bool;
        }
        throw problem(value, name, "must be true or false");
    }

    private List<?> list(Object value, String name) throws FeedFormatException {
        if (value instanceof List<?> list) {
            return list;
        }
        throw problem(value, name, "must be a list");
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(Object value, String name) throws FeedFormatException {
        List<String> strings = (List<String>) list(value, name);
        for (String text : strings) {
            FeedCodec.checkWholeCharacters(file, text, name);
        }
        return strings;
    }

    private FeedFormatException problem(Object value, String name, String must) {
        if (value == null) {
            return new FeedFormatException(file, "missing field '" + name + "'");
        }
        return new FeedFormatException(file, "field '" + name + "' " + must);
    }

    private Optional<LocalDate> optionalDate(Object value, String name) throws FeedFormatException {
        if (value == NULL) {
            return Optional.empty();
        }
        String text = text(value, name);
        try {
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new FeedFormatException(file, "field '" + name + "' is not a date (YYYY-MM-DD): " + text);
        }
    }

    private Stage stage(Object value) throws FeedFormatException {
        String code = text(value, "stage");
        return Stage.fromCode(code).orElseThrow(() -> new FeedFormatException(file, "unknown stage '" + code + "'"));
    }

    private ContactKind contactKind(Object value) throws FeedFormatException {
        String code = text(value, "kind");
        return ContactKind.fromCode(code)
                .orElseThrow(() -> new FeedFormatException(file, "unknown contact kind '" + code + "'"));
    }
}
