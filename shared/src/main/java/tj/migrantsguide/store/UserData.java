package tj.migrantsguide.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;

/**
 * What the person made of the guide: people on the device, checklist ticks, bookmarks, recently opened items,
 * settings, and notices to show once. All of it lives in user.db, which a content update never writes to, so it
 * survives every update; ticks are kept by the ids of country, checklist and item, which are stable.
 */
public final class UserData {
    /** Enough to find again what was read this week; older entries fall off. */
    public static final int RECENT_ITEMS_KEPT = 30;
    private static final String CURRENT_PERSON = "person";

    private final Object lock;
    private final Connection connection;
    private final Clock clock;
    private final Settings settings;
    private final PersonalDates dates;
    private final WriteGuard guard;

    UserData(Object lock, Connection connection, Clock clock, WriteGuard guard) {
        this.lock = lock;
        this.connection = connection;
        this.clock = clock;
        this.settings = new Settings(this);
        this.guard = guard;
        this.dates = new PersonalDates(lock, connection, clock, this);
    }

    public Settings settings() {
        return settings;
    }

    /** Asked before every write to user.db, here and in {@link PersonalDates}. */
    WriteGuard guard() {
        return guard;
    }

    /** Each person's own dates and what was told about them (issue 16: My dates). */
    public PersonalDates dates() {
        return dates;
    }

    // ---- people ----

    /** Everyone on the device, the owner first, then in the order they were added. */
    public List<Person> people() {
        synchronized (lock) {
            List<Person> people = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, name FROM person ORDER BY position, id");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    people.add(new Person(rows.getLong(1), rows.getString(2)));
                }
            } catch (SQLException e) {
                throw new StoreException("read people", e);
            }
            return people;
        }
    }

    public Person addPerson(String name) {
        String cleaned = cleanName(name);
        synchronized (lock) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO person (name, position) SELECT ?, coalesce(max(position), 0) + 1 FROM person""",
                    java.sql.Statement.RETURN_GENERATED_KEYS)) {
                guard.check();
                insert.setString(1, cleaned);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return new Person(keys.getLong(1), cleaned);
                }
            } catch (SQLException e) {
                throw new StoreException("add a person", e);
            }
        }
    }

    public void renamePerson(long personId, String name) {
        String cleaned = cleanName(name);
        synchronized (lock) {
            update("rename a person", "UPDATE person SET name = ? WHERE id = ?", personId, cleaned, personId);
        }
    }

    /**
     * Removes a person with their ticks and dates.
     *
     * @throws LastPersonException when they are the only person left: the device always has one
     */
    public void removePerson(long personId) {
        synchronized (lock) {
            List<Person> people = people();
            if (people.stream().noneMatch(p -> p.id() == personId)) {
                throw new NoSuchPersonException(personId);
            }
            if (people.size() == 1) {
                throw new LastPersonException(personId);
            }
            update("remove a person", "DELETE FROM person WHERE id = ?", personId, personId);
        }
    }

    /** The person whose ticks the checklists show: the one chosen last, else the first. */
    public Person currentPerson() {
        synchronized (lock) {
            List<Person> people = people();
            Optional<Long> chosen = settings.get(CURRENT_PERSON).flatMap(UserData::parseLong);
            return people.stream().filter(p -> chosen.isPresent() && p.id() == chosen.get()).findFirst()
                    .orElse(people.get(0));
        }
    }

    public void chooseCurrentPerson(long personId) {
        synchronized (lock) {
            requirePerson(personId);
            settings.put(CURRENT_PERSON, Long.toString(personId));
        }
    }

    // ---- checklist ticks ----

    public void setTicked(long personId, String countryCode, String checklistId, String itemId, boolean ticked) {
        synchronized (lock) {
            requirePerson(personId);
            if (ticked) {
                execute("tick an item", """
                        INSERT INTO tick (person, country, checklist, item, ticked_at) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT DO NOTHING""", personId, countryCode, checklistId, itemId,
                        clock.instant().toString());
            } else {
                execute("untick an item", """
                        DELETE FROM tick WHERE person = ? AND country = ? AND checklist = ? AND item = ?""",
                        personId, countryCode, checklistId, itemId);
            }
        }
    }

    /** Ids of the items the person ticked in this checklist, including items an update has since removed. */
    public Set<String> tickedItems(long personId, String countryCode, String checklistId) {
        synchronized (lock) {
            Set<String> items = new LinkedHashSet<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT item FROM tick WHERE person = ? AND country = ? AND checklist = ? ORDER BY item""")) {
                query.setLong(1, personId);
                query.setString(2, countryCode);
                query.setString(3, checklistId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        items.add(rows.getString(1));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("read ticks", e);
            }
            return items;
        }
    }

    /**
     * Progress over the checklist's current items. A tick of an item an update removed is kept (it counts again
     * if the item comes back) but does not count now.
     */
    public ChecklistProgress progress(long personId, Checklist checklist) {
        Set<String> ticked = tickedItems(personId, checklist.countryCode(), checklist.id());
        int done = 0;
        for (ChecklistItem item : checklist.items()) {
            if (ticked.contains(item.id())) {
                done++;
            }
        }
        return new ChecklistProgress(done, checklist.items().size());
    }

    /** Unticks every item of one checklist for one person ("start again"). */
    public void resetChecklist(long personId, String countryCode, String checklistId) {
        synchronized (lock) {
            execute("reset a checklist", "DELETE FROM tick WHERE person = ? AND country = ? AND checklist = ?",
                    personId, countryCode, checklistId);
        }
    }

    // ---- bookmarks ----

    public void bookmark(ItemRef item) {
        synchronized (lock) {
            execute("add a bookmark", """
                    INSERT INTO bookmark (kind, country, id, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    item.kind().code(), item.countryCode(), item.id(), clock.instant().toString());
        }
    }

    public void removeBookmark(ItemRef item) {
        synchronized (lock) {
            execute("remove a bookmark", "DELETE FROM bookmark WHERE kind = ? AND country = ? AND id = ?",
                    item.kind().code(), item.countryCode(), item.id());
        }
    }

    public boolean isBookmarked(ItemRef item) {
        synchronized (lock) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT 1 FROM bookmark WHERE kind = ? AND country = ? AND id = ?")) {
                query.setString(1, item.kind().code());
                query.setString(2, item.countryCode());
                query.setString(3, item.id());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next();
                }
            } catch (SQLException e) {
                throw new StoreException("read a bookmark", e);
            }
        }
    }

    /** Newest first. An item an update removed stays listed until unbookmarked; the UI shows it as gone. */
    public List<Bookmark> bookmarks() {
        synchronized (lock) {
            List<Bookmark> bookmarks = new ArrayList<>();
            readItems("SELECT kind, country, id, added_at FROM bookmark ORDER BY added_at DESC, rowid DESC",
                    (item, when) -> bookmarks.add(new Bookmark(item, when)), "read bookmarks");
            return bookmarks;
        }
    }

    // ---- recently opened ----

    public void opened(ItemRef item) {
        synchronized (lock) {
            execute("remember an opened item", """
                    INSERT INTO recent_item (kind, country, id, viewed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (kind, country, id) DO UPDATE SET viewed_at = excluded.viewed_at""",
                    item.kind().code(), item.countryCode(), item.id(), clock.instant().toString());
            execute("forget old opened items", """
                    DELETE FROM recent_item WHERE rowid NOT IN (
                        SELECT rowid FROM recent_item ORDER BY viewed_at DESC, rowid DESC LIMIT ?)""",
                    RECENT_ITEMS_KEPT);
        }
    }

    /** Most recent first. */
    public List<RecentItem> recentItems() {
        synchronized (lock) {
            List<RecentItem> recent = new ArrayList<>();
            readItems("SELECT kind, country, id, viewed_at FROM recent_item ORDER BY viewed_at DESC, rowid DESC",
                    (item, when) -> recent.add(new RecentItem(item, when)), "read recent items");
            return recent;
        }
    }

    public void clearRecentItems() {
        synchronized (lock) {
            execute("clear recent items", "DELETE FROM recent_item");
        }
    }

    // ---- notices ----

    /** The latest repair the person has not yet been told about; the UI shows it, then calls {@link #markSeen}. */
    public Optional<RecoveryNotice> unseenRecovery() {
        synchronized (lock) {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, details, created_at FROM notice WHERE kind = 'recovery' AND seen_at IS NULL
                    ORDER BY id DESC LIMIT 1""");
                    ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(recoveryNotice(rows.getLong(1), StoreJson.mapper().readTree(rows.getString(2)),
                        Instant.parse(rows.getString(3))));
            } catch (SQLException | JsonProcessingException e) {
                throw new StoreException("read notices", e);
            }
        }
    }

    /** The person has seen the notice: neither it nor any older one is shown again. */
    public void markSeen(RecoveryNotice notice) {
        synchronized (lock) {
            execute("mark a notice seen", "UPDATE notice SET seen_at = ? WHERE id <= ? AND seen_at IS NULL",
                    clock.instant().toString(), notice.id());
        }
    }

    void recordRecovery(DataFolder.Repair repair) {
        ObjectNode details = StoreJson.mapper().createObjectNode();
        repair.content().ifPresent(d -> details.put("content", d.name()));
        repair.user().ifPresent(d -> details.put("user", d.name()));
        ObjectNode recovered = details.putObject("recovered");
        repair.salvaged().recovered().forEach(recovered::put);
        ObjectNode lost = details.putObject("lost");
        repair.salvaged().lost().forEach(lost::put);
        repair.salvaged().uncounted().stream().sorted().forEach(details.putArray("uncounted")::add);
        repair.keptAsideAs().ifPresent(name -> details.put("keptAsideAs", name));
        synchronized (lock) {
            executeUnguarded("record a repair", "INSERT INTO notice (kind, details, created_at) VALUES ('recovery', ?, ?)",
                    details.toString(), clock.instant().toString());
        }
    }

    private static RecoveryNotice recoveryNotice(long id, JsonNode details, Instant when) {
        Set<String> uncounted = new LinkedHashSet<>();
        details.path("uncounted").forEach(table -> uncounted.add(table.asText()));
        return new RecoveryNotice(id, when, damage(details.path("content")), damage(details.path("user")),
                rowCounts(details.path("recovered")), rowCounts(details.path("lost")), uncounted,
                details.hasNonNull("keptAsideAs") ? Optional.of(details.get("keptAsideAs").asText()) : Optional.empty());
    }

    private static Map<String, Integer> rowCounts(JsonNode rows) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rows.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            counts.put(entry.getKey(), entry.getValue().asInt());
        }
        return counts;
    }

    private static Optional<Damage> damage(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Damage.valueOf(node.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.of(Damage.CORRUPT); // a kind of damage a newer app knew: still damage
        }
    }

    // ---- settings (used by Settings) ----

    Optional<String> setting(String key) {
        synchronized (lock) {
            try (PreparedStatement query = connection.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                query.setString(1, key);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
                }
            } catch (SQLException e) {
                throw new StoreException("read setting " + key, e);
            }
        }
    }

    void putSetting(String key, String value) {
        synchronized (lock) {
            execute("save setting " + key, """
                    INSERT INTO setting (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value""", key, value);
        }
    }

    void removeSetting(String key) {
        synchronized (lock) {
            execute("remove setting " + key, "DELETE FROM setting WHERE key = ?", key);
        }
    }

    // ---- helpers ----

    private interface ItemRow {
        void accept(ItemRef item, Instant when);
    }

    private void readItems(String sql, ItemRow row, String operation) {
        try (PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                Optional<ItemKind> kind = ItemKind.fromCode(rows.getString(1));
                if (kind.isEmpty() || kind.get() == ItemKind.CHECKLIST_ITEM) {
                    continue; // written by a newer app: not something this one can open
                }
                row.accept(new ItemRef(kind.get(), rows.getString(2), rows.getString(3)),
                        Instant.parse(rows.getString(4)));
            }
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    /** @throws NoSuchPersonException when there is no such person (call under the lock) */
    void requirePerson(long personId) {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM person WHERE id = ?")) {
            query.setLong(1, personId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new NoSuchPersonException(personId);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("read people", e);
        }
    }

    private void update(String operation, String sql, long personId, Object... arguments) {
        if (execute(operation, sql, arguments) == 0) {
            throw new NoSuchPersonException(personId);
        }
    }

    private int execute(String operation, String sql, Object... arguments) {
        try {
            guard.check();
        } catch (WriteGuard.Refused e) {
            throw new StoreException(operation, e);
        }
        return executeUnguarded(operation, sql, arguments);
    }

    /** For what the guide writes while opening (a repair notice, also into a session copy), before any guard applies. */
    private int executeUnguarded(String operation, String sql, Object... arguments) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    private static String cleanName(String name) {
        String cleaned = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (cleaned.isEmpty()) {
            throw new IllegalArgumentException("a person needs a name");
        }
        return cleaned.length() > 60 ? cleaned.substring(0, 60) : cleaned;
    }

    private static Optional<Long> parseLong(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** No person with this id on the device (removed meanwhile, or never there). */
    public static final class NoSuchPersonException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long personId;

        NoSuchPersonException(long personId) {
            super("no person " + personId + " on this device");
            this.personId = personId;
        }

        public long personId() {
            return personId;
        }
    }

    /** The device always keeps one person: the last cannot be removed (rename them instead). */
    public static final class LastPersonException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long personId;

        LastPersonException(long personId) {
            super("person " + personId + " is the only one on this device");
            this.personId = personId;
        }

        public long personId() {
            return personId;
        }
    }
}
