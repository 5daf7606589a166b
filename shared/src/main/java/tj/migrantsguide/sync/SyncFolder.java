package tj.migrantsguide.sync;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.spec.InvalidKeySpecException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.feed.FeedKey;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.TrustedKeys;

/**
 * The device's sync state, in {@code DATA/sync/} (docs/feed-format.md, "On the device"): small JSON files written
 * atomically, and the staging folder of verified packs. Nothing here is SQL: the content and its version live in
 * the database; these files only make the next sync cheaper or say what happened.
 *
 * <p>Every file is optional: a missing or unreadable one means "start from nothing", which costs at most one full
 * download of the index, never wrong content.
 */
final class SyncFolder {
    static final String FOLDER = "sync";
    static final String INDEX_CACHE = "index-cache.json";
    static final String LEARNED_KEYS = "trusted-keys.json";
    static final String HISTORY = "last-sync.json";
    static final String STAGING = "staging";

    /** The first start after a sync reads its history before the first frame: that read streams (see {@link #history}). */
    private static final JsonFactory FLAT = new JsonFactory();

    /** Made at the first read or write of the other files (a mapper loads some 330 classes; docs/performance.md). */
    private static final class Json {
        static final JsonMapper MAPPER = JsonMapper.builder().build();
    }

    private final Path folder;

    SyncFolder(Path dataDirectory) {
        this.folder = dataDirectory.resolve(FOLDER);
    }

    Path path() {
        return folder;
    }

    KeptFeed kept() {
        return new KeptFeed(folder.resolve(KeptFeed.FOLDER));
    }

    Staging staging() {
        return new Staging(folder.resolve(STAGING));
    }

    // ---- conditional requests ----

    /** The validators the server gave for the index of {@code version}, fetched from {@code url}. */
    record IndexCache(String url, long version, Optional<String> etag, Optional<String> lastModified) {}

    Optional<IndexCache> indexCache() {
        return read(INDEX_CACHE).map(node -> new IndexCache(
                node.path("url").asText(""), node.path("version").asLong(-1),
                text(node, "etag"), text(node, "last_modified")));
    }

    void writeIndexCache(IndexCache cache) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("url", cache.url());
        node.put("version", cache.version());
        cache.etag().ifPresent(v -> node.put("etag", v));
        cache.lastModified().ifPresent(v -> node.put("last_modified", v));
        write(INDEX_CACHE, node);
    }

    // ---- keys learned through rotation ----

    /**
     * Keys a verified index introduced ({@code next_keys}), the version of that index, and the id of the pinned root
     * key that signed it ("" in a file written before roots were required: such keys are not trusted any more).
     */
    record LearnedKeys(long fromVersion, List<FeedKey> keys, String authorisedBy) {
        static final LearnedKeys NONE = new LearnedKeys(0, List.of(), "");

        LearnedKeys {
            keys = List.copyOf(keys);
        }
    }

    /**
     * The learned keys, if a root that {@code pinned} holds authorised them: a key learned from a signing key alone
     * (before issue 18), or under a root an app update removed, is trusted no more.
     */
    LearnedKeys learnedKeysUnder(TrustedKeys pinned) {
        LearnedKeys learned = learnedKeys();
        boolean authorised = pinned.roots().stream().anyMatch(root -> root.keyId().equals(learned.authorisedBy()));
        return authorised ? learned : LearnedKeys.NONE;
    }

    LearnedKeys learnedKeys() {
        Optional<JsonNode> node = read(LEARNED_KEYS);
        if (node.isEmpty()) {
            return LearnedKeys.NONE;
        }
        List<FeedKey> keys = new ArrayList<>();
        for (JsonNode key : node.get().path("keys")) {
            try {
                FeedKey parsed = FeedKeys.publicKey(key.path("public_key").asText(""));
                if (parsed.keyId().equals(key.path("keyid").asText(""))) {
                    keys.add(parsed);
                }
            } catch (InvalidKeySpecException e) {
                // A damaged entry trusts nothing; the pinned keys still work.
            }
        }
        return new LearnedKeys(node.get().path("from_version").asLong(0), keys,
                node.get().path("authorised_by").asText(""));
    }

    void writeLearnedKeys(LearnedKeys learned) throws IOException {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("from_version", learned.fromVersion());
        node.put("authorised_by", learned.authorisedBy());
        ArrayNode keys = node.putArray("keys");
        for (FeedKey key : learned.keys()) {
            keys.addObject().put("keyid", key.keyId()).put("public_key", key.base64());
        }
        write(LEARNED_KEYS, node);
    }

    // ---- history ----

    /** Read at every start (the window's sync state), so with the streaming parser, not a tree. */
    SyncHistory history() {
        Map<String, String> fields = readTexts(HISTORY);
        return new SyncHistory(instant(fields.get("last_attempt")), Optional.ofNullable(fields.get("last_result")),
                instant(fields.get("last_success")));
    }

    void recordHistory(SyncResult result, Instant time) throws IOException {
        // Whole seconds: what a screen shows; nanoseconds would only be noise in the file and in `info`.
        Instant now = time.truncatedTo(ChronoUnit.SECONDS);
        SyncHistory before = history();
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("last_attempt", now.toString());
        node.put("last_result", result.describe());
        node.put("outcome", outcome(result));
        Optional<Instant> lastSuccess = result.succeeded() ? Optional.of(now) : before.lastSuccess();
        lastSuccess.ifPresent(t -> node.put("last_success", t.toString()));
        write(HISTORY, node);
    }

    private static String outcome(SyncResult result) {
        if (result instanceof SyncResult.Updated) {
            return "updated";
        } else if (result instanceof SyncResult.UpToDate) {
            return "up_to_date";
        } else if (result instanceof SyncResult.Offline) {
            return "offline";
        } else if (result instanceof SyncResult.Rejected rejected) {
            return "rejected:" + rejected.reason();
        }
        return "failed";
    }

    // ---- files ----

    private Optional<JsonNode> read(String name) {
        try {
            byte[] bytes = Files.readAllBytes(folder.resolve(name));
            JsonNode node = Json.MAPPER.readTree(bytes);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The text fields at the top of a JSON object file; none when it is missing or damaged, like {@link #read}. */
    private Map<String, String> readTexts(String name) {
        Map<String, String> texts = new HashMap<>();
        try (JsonParser json = FLAT.createParser(Files.readAllBytes(folder.resolve(name)))) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return Map.of();
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                if (json.nextToken() == JsonToken.VALUE_STRING) {
                    texts.put(field, json.getText());
                } else {
                    json.skipChildren();
                }
            }
            return texts;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private void write(String name, ObjectNode node) throws IOException {
        Files.createDirectories(folder);
        FeedWriter.writeAtomically(folder.resolve(name), Json.MAPPER.writeValueAsBytes(node));
    }


    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.ofNullable(text).map(Instant::parse);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
