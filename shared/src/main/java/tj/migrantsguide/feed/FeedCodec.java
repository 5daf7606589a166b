package tj.migrantsguide.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.spec.InvalidKeySpecException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Concept;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.NamedSource;
import tj.migrantsguide.guide.Phone;

/**
 * Reads and writes the JSON files of a feed (format described in docs/feed-format.md).
 *
 * <p>Writing is deterministic (fixed field order, no whitespace) so that the same content always gives the same
 * bytes and therefore the same content address. Reading is strict: a missing or mistyped field is a
 * {@link FeedFormatException} naming the file and the field, never a half-read pack.
 */
public final class FeedCodec {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32)
                .maxStringLength(1_000_000)
                .build());
    }

    private FeedCodec() {}

    // ---- index ----

    /**
     * The index file with no signature. Only the snapshot path (which trusts files by where they are, inside the
     * app) can read it; sync refuses it. Publishing goes through {@link #writeIndex(FeedIndex, List)}.
     */
    public static byte[] writeIndex(FeedIndex index) {
        return writeIndex(index, List.of());
    }

    /** The index file, signed by each key: {@code {"signed":BODY,"signatures":[…]}}. */
    public static byte[] writeIndex(FeedIndex index, List<SigningKey> keys) {
        return IndexEnvelope.write(writeSignedBody(index), keys);
    }

    /** The bytes the signatures cover: the index fields as deterministic JSON. */
    public static byte[] writeSignedBody(FeedIndex index) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", index.format());
        root.put("version", index.version());
        root.put("published", index.published().toString());
        root.put("expires", index.expires().toString());
        ArrayNode packs = root.putArray("packs");
        for (PackEntry entry : index.packs()) {
            ObjectNode node = packs.addObject();
            node.put("name", entry.name());
            node.put("file", entry.file());
            node.put("size", entry.size());
            node.put("sha256", entry.sha256());
        }
        ArrayNode keys = root.putArray("next_keys");
        for (FeedKey key : index.nextKeys()) {
            keys.addObject().put("keyid", key.keyId()).put("public_key", key.base64());
        }
        return bytes(root);
    }

    /**
     * Reads an index file without checking its signatures: for files trusted by where they are (the snapshot inside
     * the app, the publisher's own last index). Sync checks signatures first and then calls
     * {@link #readSignedBody(String, byte[])}.
     */
    public static FeedIndex readIndex(String file, byte[] bytes) throws FeedFormatException {
        return readSignedBody(file, IndexEnvelope.parse(file, bytes).signedBytes());
    }

    /** Reads the {@code signed} object of an index (see {@link IndexEnvelope#signedBytes()}). */
    public static FeedIndex readSignedBody(String file, byte[] signedBytes) throws FeedFormatException {
        Reader in = new Reader(file, parse(file, signedBytes));
        int format = in.integer(in.root, "format");
        if (format != FeedIndex.FORMAT) {
            throw new UnsupportedFormatException(file, format);
        }
        long version = in.longNumber(in.root, "version");
        if (version < 1) {
            throw new FeedFormatException(file, "version must be 1 or more, not " + version);
        }
        Instant published = in.instant(in.root, "published");
        Instant expires = in.instant(in.root, "expires");
        List<PackEntry> packs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode node : in.array(in.root, "packs")) {
            PackEntry entry = new PackEntry(
                    in.text(node, "name"), in.text(node, "file"), in.longNumber(node, "size"), in.text(node, "sha256"));
            checkPackEntry(file, entry);
            if (!names.add(entry.name())) {
                throw new FeedFormatException(file, "pack '" + entry.name() + "' is listed twice");
            }
            packs.add(entry);
        }
        if (!names.contains(PackEntry.COMMON)) {
            throw new FeedFormatException(file, "no 'common' pack listed");
        }
        List<FeedKey> nextKeys = new ArrayList<>();
        for (JsonNode node : in.array(in.root, "next_keys")) {
            String keyId = in.text(node, "keyid");
            FeedKey key;
            try {
                key = FeedKeys.publicKey(in.text(node, "public_key"));
            } catch (InvalidKeySpecException e) {
                throw new FeedFormatException(file, "next key " + keyId + " is not an Ed25519 public key");
            }
            if (!key.keyId().equals(keyId)) {
                throw new FeedFormatException(file, "next key " + keyId + " has the id " + key.keyId());
            }
            nextKeys.add(key);
        }
        return new FeedIndex(format, version, published, expires, packs, nextKeys);
    }

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Packs are content-addressed files inside the feed folder; an index may not point anywhere else. */
    private static void checkPackEntry(String file, PackEntry entry) throws FeedFormatException {
        if (!SHA256.matcher(entry.sha256()).matches()) {
            throw new FeedFormatException(file, "pack '" + entry.name() + "': sha256 is not 64 lower-case hex digits");
        }
        if (!entry.file().equals(PackEntry.fileFor(entry.sha256()))) {
            throw new FeedFormatException(file, "pack '" + entry.name() + "': file must be "
                    + PackEntry.fileFor(entry.sha256()) + ", not " + entry.file());
        }
        if (entry.size() < 0) {
            throw new FeedFormatException(file, "pack '" + entry.name() + "': negative size");
        }
    }

    // ---- common pack ----

    public static byte[] writeCommon(CommonPack pack) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FeedIndex.FORMAT);
        ArrayNode countries = root.putArray("countries");
        for (Country country : pack.countries()) {
            ObjectNode node = countries.addObject();
            node.put("code", country.code());
            ObjectNode names = node.putObject("names");
            for (Language language : Language.values()) {
                String name = country.names().get(language);
                if (name != null) {
                    names.put(language.code(), name);
                }
            }
            node.put("order", country.sortOrder());
        }
        if (!pack.concepts().isEmpty()) {
            // Written only when there are concepts: a common pack without them keeps its bytes (and its hash).
            ArrayNode concepts = root.putArray("concepts");
            for (Concept concept : pack.concepts()) {
                ObjectNode node = concepts.addObject();
                node.put("id", concept.id());
                ObjectNode words = node.putObject("words");
                for (Language language : Language.values()) {
                    if (!concept.words(language).isEmpty()) {
                        putStrings(words, language.code(), concept.words(language));
                    }
                }
            }
        }
        if (!pack.sources().isEmpty()) {
            // Written only when there are named sources, for the same reason.
            ArrayNode sources = root.putArray("sources");
            for (NamedSource source : pack.sources()) {
                ObjectNode node = sources.addObject();
                node.put("id", source.id());
                node.put("kind", source.kind().code());
                putTexts(node.putObject("title"), source.title());
                putTexts(node.putObject("publisher"), source.publisher());
                source.year().ifPresent(year -> node.put("year", year));
                node.put("written_in", source.writtenIn());
            }
        }
        return bytes(root);
    }

    private static void putTexts(ObjectNode into, Map<Language, String> texts) {
        for (Language language : Language.values()) {
            if (texts.containsKey(language)) {
                into.put(language.code(), texts.get(language));
            }
        }
    }

    private static Map<Language, String> readTexts(Reader in, JsonNode node, String name) throws FeedFormatException {
        Map<Language, String> texts = new EnumMap<>(Language.class);
        JsonNode object = in.object(node, name);
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String code = it.next();
            Language language = Language.fromCode(code).orElseThrow(() -> new FeedFormatException(in.file,
                    "'" + name + "' has an unknown language '" + code + "'"));
            texts.put(language, in.text(object, code));
        }
        return texts;
    }

    public static CommonPack readCommon(String file, byte[] bytes) throws FeedFormatException {
        Reader in = new Reader(file, parse(file, bytes));
        in.integer(in.root, "format");
        List<Country> countries = new ArrayList<>();
        for (JsonNode node : in.array(in.root, "countries")) {
            Map<Language, String> names = new EnumMap<>(Language.class);
            JsonNode namesNode = in.object(node, "names");
            for (Iterator<Map.Entry<String, JsonNode>> it = namesNode.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                Language language = Language.fromCode(e.getKey())
                        .orElseThrow(() -> new IllegalStateException("unreachable"));
                names.put(language, in.text(namesNode, e.getKey()));
            }
            countries.add(new Country(in.text(node, "code"), names, in.integer(node, "order")));
        }
        List<Concept> concepts = new ArrayList<>();
        if (in.root.has("concepts")) { // absent in feeds published before the concept table
            for (JsonNode node : in.array(in.root, "concepts")) {
                Map<Language, List<String>> words = new EnumMap<>(Language.class);
                JsonNode wordsNode = in.object(node, "words");
                for (Iterator<String> it = wordsNode.fieldNames(); it.hasNext(); ) {
                    String code = it.next();
                    List<String> list = new ArrayList<>();
                    for (JsonNode word : in.array(wordsNode, code)) {
                        if (!word.isTextual()) {
                            throw new FeedFormatException(file, "concept words must be text");
                        }
                        checkWholeCharacters(file, word.textValue(), "words");
                        list.add(word.textValue());
                    }
                    words.put(Language.fromCode(code).orElseThrow(() -> new IllegalStateException("unreachable")),
                            list);
                }
                concepts.add(new Concept(in.text(node, "id"), words));
            }
        }
        List<NamedSource> sources = new ArrayList<>();
        if (in.root.has("sources")) { // absent in feeds published before the named sources
            for (JsonNode node : in.array(in.root, "sources")) {
                String kind = in.text(node, "kind");
                sources.add(new NamedSource(in.text(node, "id"), NamedSource.Kind.fromCode(kind).orElseThrow(
                        () -> new FeedFormatException(file, "unknown source kind '" + kind + "'")),
                        readTexts(in, node, "title"), readTexts(in, node, "publisher"),
                        node.has("year") ? Optional.of(in.integer(node, "year")) : Optional.empty(),
                        in.text(node, "written_in")));
            }
        }
        return new CommonPack(countries, concepts, sources);
    }

    // ---- country pack ----

    public static byte[] writeCountryPack(CountryPack pack) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FeedIndex.FORMAT);
        root.put("country", pack.countryCode());
        root.put("language", pack.language().code());
        ArrayNode articles = root.putArray("articles");
        for (Article article : pack.articles()) {
            ObjectNode node = articles.addObject();
            node.put("id", article.id());
            node.put("stage", article.stage().code());
            node.put("title", article.title());
            node.put("body", article.body());
            putStrings(node, "sources", article.sources());
            node.put("verified", article.verified().map(LocalDate::toString).orElse(null));
            node.put("order", article.sortOrder());
        }
        ArrayNode contacts = root.putArray("contacts");
        for (Contact contact : pack.contacts()) {
            ObjectNode node = contacts.addObject();
            node.put("id", contact.id());
            node.put("kind", contact.kind().code());
            node.put("name", contact.name());
            ArrayNode phones = node.putArray("phones");
            for (Phone phone : contact.phones()) {
                phones.addObject().put("dial", phone.dial()).put("display", phone.display());
            }
            node.put("address", contact.address());
            node.put("hours", contact.hours());
            node.put("languages", contact.languagesSpoken());
            node.put("email", contact.email());
            node.put("website", contact.website());
            node.put("note", contact.note());
            putStrings(node, "sources", contact.sources());
            node.put("verified", contact.verified().map(LocalDate::toString).orElse(null));
            node.put("emergency", contact.emergency());
            node.put("order", contact.sortOrder());
        }
        ArrayNode checklists = root.putArray("checklists");
        for (Checklist checklist : pack.checklists()) {
            ObjectNode node = checklists.addObject();
            node.put("id", checklist.id());
            node.put("stage", checklist.stage().code());
            node.put("title", checklist.title());
            ArrayNode items = node.putArray("items");
            for (ChecklistItem item : checklist.items()) {
                items.addObject().put("id", item.id()).put("text", item.text());
            }
            putStrings(node, "sources", checklist.sources());
            node.put("verified", checklist.verified().map(LocalDate::toString).orElse(null));
            node.put("order", checklist.sortOrder());
        }
        // Only packs that have rules carry the field: the bytes (and so the address) of every other pack stay
        // what they were before rules existed, and older apps ignore a field they do not know.
        if (!pack.rules().isEmpty()) {
            ArrayNode rules = root.putArray("rules");
            for (DateRule rule : pack.rules()) {
                ObjectNode node = rules.addObject();
                node.put("id", rule.id());
                node.put("obliges", rule.obligation().code());
                node.put("counts_from", rule.countsFrom().code());
                node.put("length", rule.length().code());
                node.put("title", rule.title());
                node.put("body", rule.body());
                node.put("missed", rule.missed());
                node.put("article", rule.articleId());
                putStrings(node, "contacts", rule.contactIds());
                putStrings(node, "sources", rule.sources());
                node.put("verified", rule.verified().map(LocalDate::toString).orElse(null));
                node.put("order", rule.sortOrder());
            }
        }
        return bytes(root);
    }

    /**
     * Reads a country pack with the same strictness as the other files, token by token rather than through a tree:
     * packs are where the bytes are ({@link CountryPackReader}).
     */
    public static CountryPack readCountryPack(String file, byte[] bytes) throws FeedFormatException {
        return CountryPackReader.read(JSON.getFactory(), file, bytes);
    }

    // ---- helpers ----

    private static void putStrings(ObjectNode node, String field, List<String> values) {
        ArrayNode array = node.putArray(field);
        values.forEach(array::add);
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree we built cannot be written", e);
        }
    }

    private static JsonNode parse(String file, byte[] bytes) throws FeedFormatException {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new FeedFormatException(file, "not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new FeedFormatException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeedFormatException(file, "not readable: " + e.getMessage(), e);
        }
    }

    /**
     * A JSON escape can spell half a character (a lone surrogate, {@code "\ud800"}); no UTF-8 file, SQLite row or
     * screen can hold it, so it would be stored as "?" and the guide would not say what the signed file says. The
     * publisher never writes one (its sources are UTF-8). Found by fuzzing: fuzz/FeedFilesFuzzTestInputs/
     * aCountryPackIsReadOrRefusedByName/crash-lone-surrogate. Every text field of every feed file goes through here,
     * the streaming {@link CountryPackReader} included.
     */
    static void checkWholeCharacters(String file, String text, String name) throws FeedFormatException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < Character.MIN_SURROGATE) {
                continue; // nearly every character: Latin, Cyrillic and Tajik letters are all far below
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new FeedFormatException(file, "field '" + name + "' holds half a character (U+"
                        + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT) + ")");
            }
        }
    }

    /** Field access that turns every surprise into a FeedFormatException naming the field. */
    private static final class Reader {
        final String file;
        final JsonNode root;

        Reader(String file, JsonNode root) {
            this.file = file;
            this.root = root;
        }

        private JsonNode field(JsonNode node, String name) throws FeedFormatException {
            if (node == null || !node.isObject()) {
                throw new FeedFormatException(file, "expected an object holding '" + name + "'");
            }
            JsonNode value = node.get(name);
            if (value == null) {
                throw new FeedFormatException(file, "missing field '" + name + "'");
            }
            return value;
        }

        String text(JsonNode node, String name) throws FeedFormatException {
            JsonNode value = field(node, name);
            if (!value.isTextual()) {
                throw new FeedFormatException(file, "field '" + name + "' must be text");
            }
            String text = value.textValue();
            checkWholeCharacters(file, text, name);
            return text;
        }

        int integer(JsonNode node, String name) throws FeedFormatException {
            JsonNode value = field(node, name);
            if (!value.isInt()) {
                throw new FeedFormatException(file, "field '" + name + "' must be a whole number");
            }
            return value.intValue();
        }

        long longNumber(JsonNode node, String name) throws FeedFormatException {
            JsonNode value = field(node, name);
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.longValue() < 0) {
                throw new FeedFormatException(file, "field '" + name + "' must be a whole number ≥ 0");
            }
            return value.longValue();
        }

        JsonNode object(JsonNode node, String name) throws FeedFormatException {
            JsonNode value = field(node, name);
            if (!value.isObject()) {
                throw new FeedFormatException(file, "field '" + name + "' must be an object");
            }
            for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (Language.fromCode(key).isEmpty()) {
                    throw new FeedFormatException(file, "unknown language '" + key + "' in '" + name + "'");
                }
            }
            return value;
        }

        List<JsonNode> array(JsonNode node, String name) throws FeedFormatException {
            JsonNode value = field(node, name);
            if (!value.isArray()) {
                throw new FeedFormatException(file, "field '" + name + "' must be a list");
            }
            List<JsonNode> items = new ArrayList<>(value.size());
            value.forEach(items::add);
            return items;
        }

        Instant instant(JsonNode node, String name) throws FeedFormatException {
            String value = text(node, name);
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException e) {
                throw new FeedFormatException(file, "field '" + name + "' is not a UTC time: " + value);
            }
        }
    }
}
