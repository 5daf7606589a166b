package tj.migrantsguide.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.store.ItemChange.Change;
import tj.migrantsguide.store.ItemChange.Field;
import tj.migrantsguide.store.ItemChange.FieldChange;
import tj.migrantsguide.store.ItemChange.LineChange;
import tj.migrantsguide.store.ItemChange.NumberChange;
import tj.migrantsguide.text.TextChange;

/**
 * The tables {@code content_update} and {@code content_change} of content.db (docs/database.md): each installed
 * update and its {@link ItemChange}s, written by {@link ContentWriter} in the transaction of the update itself. The
 * details of an item (numbers, word-level changes of fields, checklist lines) are one JSON column: they are only
 * ever read whole, to be shown.
 */
final class ChangeLog {
    /** Updates kept: a person reads the last few; a device that updates weekly keeps about a year. */
    static final int UPDATES_KEPT = 50;


    private ChangeLog() {}

    /** Records one update with its items (none for a rebuilt file); older updates past {@link #UPDATES_KEPT} go. */
    static void record(Connection c, ContentChanges.Kind kind, long from, long to, Instant at,
            List<ItemChange> items) throws SQLException {
        long id;
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO content_update (kind, from_version, to_version, installed_at) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, kind.code());
            insert.setLong(2, from);
            insert.setLong(3, to);
            insert.setString(4, at.toString());
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO content_change (update_id, position, country, language, kind, id, change, title, details)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            int position = 0;
            for (ItemChange item : items) {
                insert.setLong(1, id);
                insert.setInt(2, position++);
                insert.setString(3, item.countryCode());
                insert.setString(4, item.language().code());
                insert.setString(5, item.kind().code());
                insert.setString(6, item.id());
                insert.setString(7, item.change().code());
                insert.setString(8, item.title());
                insert.setString(9, details(item));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement prune = c.prepareStatement("DELETE FROM content_update WHERE id <= ?")) {
            // content_change rows go with their update (ON DELETE CASCADE).
            prune.setLong(1, id - UPDATES_KEPT);
            prune.executeUpdate();
        }
    }

    /**
     * Updates newest first, each with its items in {@code language} (every language when empty).
     *
     * @param sinceVersion only updates to a version above this one
     */
    static List<ContentChanges> read(Connection c, long sinceVersion, Optional<Language> language)
            throws SQLException {
        Map<Long, ContentChanges> updates = new LinkedHashMap<>();
        Map<Long, List<ItemChange>> items = new LinkedHashMap<>();
        List<Object[]> heads = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement("""
                SELECT id, kind, from_version, to_version, installed_at FROM content_update
                WHERE to_version > ? ORDER BY id DESC""")) {
            query.setLong(1, sinceVersion);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    heads.add(new Object[] {rows.getLong(1), rows.getString(2), rows.getLong(3), rows.getLong(4),
                            rows.getString(5)});
                    items.put(rows.getLong(1), new ArrayList<>());
                }
            }
        }
        if (heads.isEmpty()) {
            return List.of();
        }
        try (PreparedStatement query = c.prepareStatement("""
                SELECT update_id, country, language, kind, id, change, title, details FROM content_change
                WHERE update_id >= ? AND (? = '' OR language = ?) ORDER BY update_id, position""")) {
            query.setLong(1, (Long) heads.get(heads.size() - 1)[0]);
            String code = language.map(Language::code).orElse("");
            query.setString(2, code);
            query.setString(3, code);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<ItemChange> of = items.get(rows.getLong(1));
                    Optional<Language> lang = Language.fromCode(rows.getString(3));
                    Optional<ItemKind> kind = ItemKind.fromCode(rows.getString(4));
                    Optional<Change> change = Change.fromCode(rows.getString(6));
                    if (of == null || lang.isEmpty() || kind.isEmpty() || change.isEmpty()) {
                        continue; // written by a newer app: a kind this one cannot show
                    }
                    of.add(item(rows.getString(2), lang.get(), kind.get(), rows.getString(5), change.get(),
                            rows.getString(7), rows.getString(8)));
                }
            }
        }
        for (Object[] head : heads) {
            long id = (Long) head[0];
            updates.put(id, new ContentChanges(id, (Long) head[2], (Long) head[3], Instant.parse((String) head[4]),
                    ContentChanges.Kind.fromCode((String) head[1]).orElse(ContentChanges.Kind.UPDATE),
                    items.get(id)));
        }
        return List.copyOf(updates.values());
    }

    // ---- the details column ----

    private static String details(ItemChange item) {
        ObjectNode node = StoreJson.mapper().createObjectNode();
        ArrayNode numbers = node.putArray("numbers");
        for (NumberChange n : item.numbers()) {
            ObjectNode number = numbers.addObject().put("change", n.change().code());
            n.before().ifPresent(v -> number.put("before", v));
            n.after().ifPresent(v -> number.put("after", v));
        }
        ArrayNode fields = node.putArray("fields");
        for (FieldChange f : item.fields()) {
            parts(fields.addObject().put("field", f.field().code()), f.text());
        }
        ArrayNode lines = node.putArray("lines");
        for (LineChange l : item.lines()) {
            parts(lines.addObject().put("change", l.change().code()).put("id", l.itemId()), l.text());
        }
        return node.toString();
    }

    /** A text change as {@code "parts": [["=", "kept"], ["-", "removed"], ["+", "added"]]}. */
    private static void parts(ObjectNode into, TextChange text) {
        ArrayNode parts = into.putArray("parts");
        for (TextChange.Part part : text.parts()) {
            parts.addArray().add(switch (part.mark()) {
                case KEPT -> "=";
                case REMOVED -> "-";
                case ADDED -> "+";
            }).add(part.text());
        }
    }

    private static ItemChange item(String country, Language language, ItemKind kind, String id, Change change,
            String title, String details) throws SQLException {
        JsonNode node;
        try {
            node = StoreJson.mapper().readTree(details);
        } catch (IOException e) {
            throw new SQLException("unreadable change details of " + id, e);
        }
        List<NumberChange> numbers = new ArrayList<>();
        for (JsonNode n : node.path("numbers")) {
            Change.fromCode(n.path("change").asText()).ifPresent(c -> numbers.add(new NumberChange(c,
                    text(n, "before"), text(n, "after"))));
        }
        List<FieldChange> fields = new ArrayList<>();
        for (JsonNode f : node.path("fields")) {
            Field.fromCode(f.path("field").asText()).ifPresent(field -> fields.add(new FieldChange(field,
                    parts(f))));
        }
        List<LineChange> lines = new ArrayList<>();
        for (JsonNode l : node.path("lines")) {
            Change.fromCode(l.path("change").asText()).ifPresent(c -> lines.add(new LineChange(c,
                    l.path("id").asText(), parts(l))));
        }
        return new ItemChange(country, language, kind, id, change, title, numbers, fields, lines);
    }

    private static TextChange parts(JsonNode node) {
        List<TextChange.Part> parts = new ArrayList<>();
        for (JsonNode part : node.path("parts")) {
            TextChange.Mark mark = switch (part.path(0).asText()) {
                case "-" -> TextChange.Mark.REMOVED;
                case "+" -> TextChange.Mark.ADDED;
                default -> TextChange.Mark.KEPT;
            };
            parts.add(new TextChange.Part(part.path(1).asText(), mark));
        }
        return new TextChange(parts);
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }
}
