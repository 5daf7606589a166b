package tj.migrantsguide.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.guide.Stage;
import tj.migrantsguide.text.Alphabet;
import tj.migrantsguide.text.SearchQuery;

/**
 * The guide's memory on the device: a data folder with two SQLite files, content.db (replaceable: rebuilt from the
 * app's snapshot or the next feed) and user.db (the person's ticks, bookmarks, settings…, never touched by a
 * content update). Every screen reads from here; nothing here touches the network. All SQL of the app lives in
 * this package. The layout, every table, the migrations and recovery are described in docs/database.md.
 */
public final class GuideStore implements AutoCloseable {
    /** A search returns a screenful or a few: more would be slow to build and nobody scrolls that far. */
    public static final int MOST_SEARCH_HITS = 200;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<Map<String, String>>> PHONES = new TypeReference<>() {};

    private final Path folder;
    /**
     * The writer of content: {@link #apply} alone uses it (content.db as {@code main}), under this object's monitor.
     * The other two connections have their own locks, so that neither screens reading content nor the person's
     * ticks wait for an update that rewrites thousands of rows (docs/reliability.md, "Readers during an update").
     */
    private final Connection connection;
    /** Content for screens: read-only, each public read in one read transaction (one snapshot). */
    private final Connection reader;
    private final Object readLock = new Object();
    /** user.db as {@code main} (content.db attached, as DataFolder opens it): {@link UserData}'s connection. */
    private final Connection userConnection;
    private final Object userLock = new Object();
    private final Clock clock;
    private final UserData userData;
    private final SearchIndex searchIndex;
    private final Optional<ReadOnly> readOnly;
    /** The session copy of a folder that cannot be written (read-only mode), deleted on close. */
    private final Optional<Path> sessionCopy;

    private GuideStore(Path folder, Connection userConnection, Connection connection, Connection reader, Clock clock,
            Optional<ReadOnly> readOnly, Optional<Path> sessionCopy) {
        this.folder = folder;
        this.userConnection = userConnection;
        this.connection = connection;
        this.reader = reader;
        this.clock = clock;
        this.userData = new UserData(userLock, userConnection, clock);
        this.searchIndex = new SearchIndex(reader);
        this.readOnly = readOnly;
        this.sessionCopy = sessionCopy;
    }

    /**
     * Why this store is open for reading only: the data folder could not take a write when the guide opened
     * (read-only storage, no permission, or a full disk). The guide then reads a copy of the folder made for this
     * session (with the app's snapshot installed in it if the folder had no content); ticks, bookmarks, settings
     * and content updates are refused with {@link StoreException.Problem#READ_ONLY} instead of being lost later.
     *
     * @param problem {@code READ_ONLY} or {@code DISK_FULL}
     * @param detail what the file system said
     */
    public record ReadOnly(Path folder, StoreException.Problem problem, String detail) {
        /** A line for logs and the command line. */
        public String describe() {
            return (problem == StoreException.Problem.DISK_FULL
                    ? "the device's storage is full" : "the data folder " + folder + " cannot be written")
                    + " (" + detail + "): the guide is open for reading only; ticks, bookmarks, settings and"
                    + " content updates cannot be saved until it can";
        }
    }

    /**
     * Opens the data folder, creating it and its files if needed, repairing damaged files (a repair is recorded
     * for the person to see once: {@link UserData#unseenRecovery()}) and bringing both schemas up to date. A
     * version-1 folder (a single guide.db) is converted. The content may be empty afterwards: the caller
     * ({@code Guide}) then installs the app's snapshot.
     */
    /** Whether the data folder has a content file (of this version or the older single-file layout). */
    public static boolean hasContentFile(Path folder) {
        return java.nio.file.Files.exists(folder.resolve(StoreFile.CONTENT.fileName()))
                || java.nio.file.Files.exists(folder.resolve(DataFolder.LEGACY_FILE));
    }

    public static GuideStore open(Path folder, Clock clock) {
        Path absolute = folder.toAbsolutePath();
        Optional<ReadOnly> readOnly = DataFolder.whyNotWritable(absolute)
                .map(e -> new ReadOnly(absolute, StoreException.problemOf(e) == StoreException.Problem.DISK_FULL
                        ? StoreException.Problem.DISK_FULL : StoreException.Problem.READ_ONLY,
                        String.valueOf(e.getMessage())));
        Optional<Path> copy = Optional.empty();
        Path opening = absolute;
        if (readOnly.isPresent()) {
            try {
                copy = Optional.of(DataFolder.sessionCopy(absolute));
            } catch (java.io.IOException e) {
                throw new StoreException("open " + folder + " for reading (" + readOnly.get().describe() + ")", e);
            }
            opening = copy.get();
        }
        DataFolder.Opened opened;
        Connection writer = null;
        Connection reader = null;
        try {
            opened = DataFolder.open(opening, clock);
            try {
                writer = DataFolder.contentConnection(opening, false);
                reader = DataFolder.contentConnection(opening, true);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(writer);
                closeQuietly(opened.connection());
                throw e;
            }
        } catch (SQLException | java.io.IOException e) {
            copy.ifPresent(DataFolder::deleteSessionCopy);
            throw new StoreException("open " + folder, e);
        }
        GuideStore store = new GuideStore(absolute, opened.connection(), writer, reader, clock, readOnly, copy);
        try {
            if (opened.repair().any()) {
                store.userData.recordRecovery(opened.repair());
            }
            if (readOnly.isPresent()) {
                // From here on, every write to the person's data fails with SQLITE_READONLY: nothing is accepted
                // that would vanish with the session copy.
                try (Statement statement = opened.connection().createStatement()) {
                    statement.execute("PRAGMA query_only = 1");
                }
            }
        } catch (RuntimeException | SQLException e) {
            store.close();
            throw e instanceof RuntimeException r ? r : new StoreException("open " + folder, e);
        }
        return store;
    }

    /** Present when the guide could only be opened for reading; the window says so once. */
    public Optional<ReadOnly> readOnly() {
        return readOnly;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already failing; the first error is the one reported.
            }
        }
    }

    /** The data folder. */
    public Path folder() {
        return folder;
    }

    /** The schema version of the data folder (the number of the last migration applied). */
    public int schemaVersion() {
        synchronized (userLock) {
            try {
                return Migrations.userVersion(userConnection);
            } catch (SQLException e) {
                throw new StoreException("read schema version", e);
            }
        }
    }

    /** Everything the person made of the guide: people, ticks, bookmarks, recent items, settings, notices. */
    public UserData user() {
        return userData;
    }

    // ---- feed ----

    public Optional<InstalledFeed> installedFeed() {
        synchronized (readLock) {
            try {
                String sql = "SELECT version, published, expires, installed_at FROM installed_feed WHERE id = 1";
                try (PreparedStatement query = reader.prepareStatement(sql);
                        ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new InstalledFeed(
                            rows.getLong(1),
                            Instant.parse(rows.getString(2)),
                            Instant.parse(rows.getString(3)),
                            Instant.parse(rows.getString(4))));
                } catch (SQLException e) {
                    throw new StoreException("read installed feed", e);
                }
            } finally {
                endRead();
            }
        }
    }

    /** Name and SHA-256 of each pack the installed content was built from. */
    public Map<String, String> installedPacks() {
        synchronized (readLock) {
            try {
                Map<String, String> packs = new LinkedHashMap<>();
                try (PreparedStatement query = reader.prepareStatement("SELECT name, sha256 FROM installed_pack ORDER BY name");
                        ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        packs.put(rows.getString(1), rows.getString(2));
                    }
                } catch (SQLException e) {
                    throw new StoreException("read installed packs", e);
                }
                return packs;
            } finally {
                endRead();
            }
        }
    }

    /** Replaces all content with the feed's (the first start, or a snapshot newer than the device's content). */
    public void install(Feed feed) {
        // Allowed in read-only mode: it fills the session copy with the app's own snapshot so that the guide can be
        // read at all; nothing of it is meant to be kept.
        applyUpdate(ContentUpdate.whole(feed, installedPacks().keySet()));
    }

    /**
     * Applies an update in one transaction: readers see the old content or the new, never a mix, and a failure
     * leaves the old content exactly as it was.
     *
     * @throws IllegalArgumentException when the update leaves out a pack whose hash changed (that would mix versions)
     */
    public void apply(ContentUpdate update) {
        if (readOnly.isPresent()) {
            throw new StoreException("apply feed version " + update.index().version(),
                    StoreException.Problem.READ_ONLY, new java.io.IOException(readOnly.get().describe()));
        }
        applyUpdate(update);
    }

    private synchronized void applyUpdate(ContentUpdate update) {
        checkCoversEveryChangedPack(update);
        try {
            connection.setAutoCommit(false);
            if (update.common().isPresent()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DELETE FROM country_name");
                    statement.execute("DELETE FROM country");
                }
                insertCountries(update.common().get().countries());
            }
            for (String removed : update.removedPacks()) {
                deletePackRows(removed);
            }
            // Every delete before the first insert: a delete from a full-text index makes FTS5 write out the words
            // it holds in memory, so deletes between inserts would cut the index into many small pieces.
            for (CountryPack pack : update.replacedPacks()) {
                deletePackRows(pack.packName());
            }
            for (CountryPack pack : update.replacedPacks()) {
                insertArticles(pack.articles());
                insertContacts(pack.contacts());
                insertChecklists(pack.checklists());
                // Same transaction: a reader never sees the new content with the old index.
                SearchIndex.addPack(connection, pack.countryCode(), pack.language().code());
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM installed_pack");
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO installed_pack (name, sha256) VALUES (?, ?)")) {
                for (PackEntry entry : update.index().packs()) {
                    insert.setString(1, entry.name());
                    insert.setString(2, entry.sha256());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO installed_feed (id, version, published, expires, installed_at)
                    VALUES (1, ?, ?, ?, ?)
                    ON CONFLICT(id) DO UPDATE SET version = excluded.version, published = excluded.published,
                        expires = excluded.expires, installed_at = excluded.installed_at""")) {
                upsert.setLong(1, update.index().version());
                upsert.setString(2, update.index().published().toString());
                upsert.setString(3, update.index().expires().toString());
                upsert.setString(4, clock.instant().toString());
                upsert.executeUpdate();
            }
            connection.commit();
        } catch (SQLException e) {
            Transactions.rollbackQuietly(connection);
            throw new StoreException("apply feed version " + update.index().version(), e);
        } finally {
            Transactions.autoCommitQuietly(connection);
        }
    }

    private void checkCoversEveryChangedPack(ContentUpdate update) {
        Map<String, String> installed = installedPacks();
        Set<String> supplied = new HashSet<>();
        update.replacedPacks().forEach(p -> supplied.add(p.packName()));
        update.common().ifPresent(c -> supplied.add(PackEntry.COMMON));
        for (PackEntry entry : update.index().packs()) {
            if (!entry.sha256().equals(installed.get(entry.name())) && !supplied.contains(entry.name())) {
                throw new IllegalArgumentException("pack " + entry.name() + " changed but is not in the update");
            }
        }
    }

    private void deletePackRows(String packName) throws SQLException {
        if (packName.equals(PackEntry.COMMON)) {
            return;
        }
        int dash = packName.lastIndexOf('-');
        if (dash <= 0) {
            return;
        }
        String country = packName.substring(0, dash);
        String language = packName.substring(dash + 1);
        SearchIndex.removePack(connection, country, language);
        for (String table : List.of("article", "contact", "checklist")) {
            // checklist_item rows go with their checklist (ON DELETE CASCADE).
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE country = ? AND language = ?")) {
                delete.setString(1, country);
                delete.setString(2, language);
                delete.executeUpdate();
            }
        }
    }

    private void insertCountries(List<Country> countries) throws SQLException {
        try (PreparedStatement country = connection.prepareStatement(
                        "INSERT INTO country (code, sort_order) VALUES (?, ?)");
                PreparedStatement name = connection.prepareStatement(
                        "INSERT INTO country_name (country, language, name) VALUES (?, ?, ?)")) {
            for (Country c : countries) {
                country.setString(1, c.code());
                country.setInt(2, c.sortOrder());
                country.addBatch();
                for (Map.Entry<Language, String> e : c.names().entrySet()) {
                    name.setString(1, c.code());
                    name.setString(2, e.getKey().code());
                    name.setString(3, e.getValue());
                    name.addBatch();
                }
            }
            country.executeBatch();
            name.executeBatch();
        }
    }

    private void insertArticles(List<Article> articles) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO article (id, language, country, stage, title, body, sources, verified, sort_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Article a : articles) {
                insert.setString(1, a.id());
                insert.setString(2, a.language().code());
                insert.setString(3, a.countryCode());
                insert.setString(4, a.stage().code());
                insert.setString(5, a.title());
                insert.setString(6, a.body());
                insert.setString(7, toJson(a.sources()));
                insert.setString(8, a.verified().map(LocalDate::toString).orElse(null));
                insert.setInt(9, a.sortOrder());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertContacts(List<Contact> contacts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO contact (id, language, country, kind, name, phones, address, hours, languages, email,
                    website, note, sources, verified, emergency, sort_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (Contact c : contacts) {
                List<Map<String, String>> phones = new ArrayList<>();
                for (Phone phone : c.phones()) {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("dial", phone.dial());
                    p.put("display", phone.display());
                    phones.add(p);
                }
                insert.setString(1, c.id());
                insert.setString(2, c.language().code());
                insert.setString(3, c.countryCode());
                insert.setString(4, c.kind().code());
                insert.setString(5, c.name());
                insert.setString(6, toJson(phones));
                insert.setString(7, c.address());
                insert.setString(8, c.hours());
                insert.setString(9, c.languagesSpoken());
                insert.setString(10, c.email());
                insert.setString(11, c.website());
                insert.setString(12, c.note());
                insert.setString(13, toJson(c.sources()));
                insert.setString(14, c.verified().map(LocalDate::toString).orElse(null));
                insert.setInt(15, c.emergency() ? 1 : 0);
                insert.setInt(16, c.sortOrder());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void insertChecklists(List<Checklist> checklists) throws SQLException {
        try (PreparedStatement list = connection.prepareStatement("""
                        INSERT INTO checklist (id, language, country, stage, title, sources, verified, sort_order)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
                PreparedStatement item = connection.prepareStatement("""
                        INSERT INTO checklist_item (checklist, language, id, text, position) VALUES (?, ?, ?, ?, ?)""")) {
            for (Checklist c : checklists) {
                list.setString(1, c.id());
                list.setString(2, c.language().code());
                list.setString(3, c.countryCode());
                list.setString(4, c.stage().code());
                list.setString(5, c.title());
                list.setString(6, toJson(c.sources()));
                list.setString(7, c.verified().map(LocalDate::toString).orElse(null));
                list.setInt(8, c.sortOrder());
                list.addBatch();
                int position = 0;
                for (ChecklistItem i : c.items()) {
                    item.setString(1, c.id());
                    item.setString(2, c.language().code());
                    item.setString(3, i.id());
                    item.setString(4, i.text());
                    item.setInt(5, position++);
                    item.addBatch();
                }
            }
            list.executeBatch();
            item.executeBatch();
        }
    }

    // ---- reading ----

    public List<Country> countries() {
        synchronized (readLock) {
            try {
                String sql = """
                        SELECT c.code, c.sort_order, n.language, n.name
                        FROM country c LEFT JOIN country_name n ON n.country = c.code
                        ORDER BY c.sort_order, c.code""";
                Map<String, Map<Language, String>> names = new LinkedHashMap<>();
                Map<String, Integer> order = new LinkedHashMap<>();
                try (PreparedStatement query = reader.prepareStatement(sql);
                        ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String code = rows.getString(1);
                        order.put(code, rows.getInt(2));
                        Map<Language, String> byLanguage = names.computeIfAbsent(code, k -> new EnumMap<>(Language.class));
                        Language.fromCode(rows.getString(3)).ifPresent(l -> {
                            try {
                                byLanguage.put(l, rows.getString(4));
                            } catch (SQLException e) {
                                throw new StoreException("read country names", e);
                            }
                        });
                    }
                } catch (SQLException e) {
                    throw new StoreException("read countries", e);
                }
                List<Country> countries = new ArrayList<>();
                names.forEach((code, byLanguage) -> countries.add(new Country(code, byLanguage, order.get(code))));
                return countries;
            } finally {
                endRead();
            }
        }
    }

    public List<Article> articles(String countryCode, Language language) {
        synchronized (readLock) {
            try {
                String sql = """
                        SELECT id, stage, title, body, sources, verified, sort_order FROM article
                        WHERE country = ? AND language = ? ORDER BY sort_order, id""";
                List<Article> articles = new ArrayList<>();
                try (PreparedStatement query = reader.prepareStatement(sql)) {
                    query.setString(1, countryCode);
                    query.setString(2, language.code());
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            articles.add(new Article(
                                    rows.getString(1),
                                    countryCode,
                                    Stage.fromCode(rows.getString(2)).orElseThrow(),
                                    language,
                                    rows.getString(3),
                                    rows.getString(4),
                                    fromJson(rows.getString(5), STRINGS),
                                    date(rows.getString(6)),
                                    rows.getInt(7)));
                        }
                    }
                } catch (SQLException e) {
                    throw new StoreException("read articles of " + countryCode, e);
                }
                return articles;
            } finally {
                endRead();
            }
        }
    }

    public List<Contact> contacts(String countryCode, Language language) {
        synchronized (readLock) {
            try {
                String sql = """
                        SELECT id, kind, name, phones, address, hours, languages, email, website, note, sources, verified,
                            emergency, sort_order
                        FROM contact WHERE country = ? AND language = ? ORDER BY sort_order, id""";
                List<Contact> contacts = new ArrayList<>();
                try (PreparedStatement query = reader.prepareStatement(sql)) {
                    query.setString(1, countryCode);
                    query.setString(2, language.code());
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            List<Phone> phones = new ArrayList<>();
                            for (Map<String, String> p : fromJson(rows.getString(4), PHONES)) {
                                phones.add(new Phone(p.get("dial"), p.get("display")));
                            }
                            contacts.add(new Contact(
                                    rows.getString(1),
                                    countryCode,
                                    ContactKind.fromCode(rows.getString(2)).orElseThrow(),
                                    language,
                                    rows.getString(3),
                                    phones,
                                    rows.getString(5),
                                    rows.getString(6),
                                    rows.getString(7),
                                    rows.getString(8),
                                    rows.getString(9),
                                    rows.getString(10),
                                    fromJson(rows.getString(11), STRINGS),
                                    date(rows.getString(12)),
                                    rows.getInt(13) != 0,
                                    rows.getInt(14)));
                        }
                    }
                } catch (SQLException e) {
                    throw new StoreException("read contacts of " + countryCode, e);
                }
                return contacts;
            } finally {
                endRead();
            }
        }
    }

    public List<Checklist> checklists(String countryCode, Language language) {
        synchronized (readLock) {
            try {
                String lists = """
                        SELECT id, stage, title, sources, verified, sort_order FROM checklist
                        WHERE country = ? AND language = ? ORDER BY sort_order, id""";
                String items = "SELECT id, text FROM checklist_item WHERE checklist = ? AND language = ? ORDER BY position";
                List<Checklist> checklists = new ArrayList<>();
                try (PreparedStatement listQuery = reader.prepareStatement(lists);
                        PreparedStatement itemQuery = reader.prepareStatement(items)) {
                    listQuery.setString(1, countryCode);
                    listQuery.setString(2, language.code());
                    try (ResultSet rows = listQuery.executeQuery()) {
                        while (rows.next()) {
                            String id = rows.getString(1);
                            List<ChecklistItem> checklistItems = new ArrayList<>();
                            itemQuery.setString(1, id);
                            itemQuery.setString(2, language.code());
                            try (ResultSet itemRows = itemQuery.executeQuery()) {
                                while (itemRows.next()) {
                                    checklistItems.add(new ChecklistItem(itemRows.getString(1), itemRows.getString(2)));
                                }
                            }
                            checklists.add(new Checklist(id, countryCode, Stage.fromCode(rows.getString(2)).orElseThrow(),
                                    language, rows.getString(3), checklistItems, fromJson(rows.getString(4), STRINGS),
                                    date(rows.getString(5)), rows.getInt(6)));
                        }
                    }
                } catch (SQLException e) {
                    throw new StoreException("read checklists of " + countryCode, e);
                }
                return checklists;
            } finally {
                endRead();
            }
        }
    }

    /**
     * Countries sorted by their name in {@code language}, in that language's alphabetical order (Tajik letters
     * after their base letters: see {@link Alphabet}).
     */
    public List<Country> countriesByName(Language language) {
        List<Country> countries = new ArrayList<>(countries());
        Comparator<String> order = Alphabet.order(language);
        countries.sort((a, b) -> order.compare(a.name(language), b.name(language)));
        return countries;
    }

    /**
     * Searches articles, contacts, checklists and checklist items in every language, those in {@code language}
     * first. Whatever {@code text} holds, this returns normally: an empty list when it has no words.
     *
     * @param limit at most this many hits (and never more than {@link #MOST_SEARCH_HITS})
     */
    public List<SearchHit> search(String text, Language language, int limit) {
        synchronized (readLock) {
            try {
                SearchQuery query = SearchQuery.parse(text);
                try {
                    return searchIndex.search(query, language, Math.min(limit, MOST_SEARCH_HITS));
                } catch (SQLException e) {
                    throw new StoreException("search", e);
                }
            } finally {
                endRead();
            }
        }
    }

    public ContentCounts counts() {
        synchronized (readLock) {
            try {
                Map<Language, Integer> items = new EnumMap<>(Language.class);
                for (Language language : Language.values()) {
                    items.put(language, 0);
                }
                String sql = """
                        SELECT language, count(*) FROM (
                            SELECT language FROM article UNION ALL SELECT language FROM contact
                            UNION ALL SELECT language FROM checklist_item)
                        GROUP BY language""";
                try (Statement statement = reader.createStatement()) {
                    try (ResultSet rows = statement.executeQuery(sql)) {
                        while (rows.next()) {
                            String code = rows.getString(1);
                            int count = rows.getInt(2);
                            Language.fromCode(code).ifPresent(l -> items.put(l, count));
                        }
                    }
                    try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM country")) {
                        return new ContentCounts(rows.next() ? rows.getInt(1) : 0, items);
                    }
                } catch (SQLException e) {
                    throw new StoreException("count content", e);
                }
            } finally {
                endRead();
            }
        }
    }

    @Override
    public void close() {
        SQLException failure = null;
        synchronized (this) {
            synchronized (readLock) {
                synchronized (userLock) {
                    for (Connection c : List.of(reader, connection, userConnection)) {
                        try {
                            c.close();
                        } catch (SQLException e) {
                            failure = failure == null ? e : failure;
                        }
                    }
                }
            }
        }
        sessionCopy.ifPresent(DataFolder::deleteSessionCopy);
        if (failure != null) {
            throw new StoreException("close " + folder, failure);
        }
    }

    /**
     * Ends the read transaction of one public read, so that the next read sees the latest committed content and
     * this connection holds no old snapshot (which would keep the WAL from being checkpointed).
     */
    private void endRead() {
        try {
            reader.commit();
        } catch (SQLException e) {
            throw new StoreException("finish reading", e);
        }
    }

    // ---- small helpers ----

    private static Optional<LocalDate> date(String text) {
        return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text));
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain lists always serialise", e);
        }
    }

    private static <T> T fromJson(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new StoreException("read a stored list", e);
        }
    }
}
