package tj.migrantsguide.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Concept;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.NamedSource;

/**
 * Writes content updates into content.db, on a connection of its own (content.db as {@code main}), one update at a
 * time (this object's monitor). Screens read through {@link ContentReader} and the person's data goes through
 * {@link UserData}, each on its own connection, so neither waits for an update that rewrites thousands of rows
 * (docs/reliability.md, "Readers during an update").
 */
final class ContentWriter implements AutoCloseable {
    private final Connection connection;
    private final Clock clock;

    ContentWriter(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /**
     * Applies {@code update} in one transaction: readers see the old content or the new, never a mix, and a failure
     * leaves the old content exactly as it was.
     *
     * @param installed reads the name and hash of each pack installed now (read under this writer's lock, so that
     *     an update applied meanwhile in this process counts)
     * @param rebuilt whether the content file was rebuilt empty after damage at this start: its first install is
     *     then recorded as such ({@link ContentChanges.Kind#REBUILT}); a device's very first install records
     *     nothing, and every later update records what it changed ({@link ChangeLog})
     * @throws IllegalArgumentException when the update leaves out a pack whose hash changed (that would mix versions)
     */
    synchronized void apply(ContentUpdate update, Supplier<Map<String, String>> installed, boolean rebuilt) {
        checkCoversEveryChangedPack(update, installed.get());
        try {
            connection.setAutoCommit(false);
            // What changed, from the rows as they are in this transaction, before any is replaced: the change list
            // is committed with the content or not at all.
            Optional<InstalledVersion> before = installedVersion();
            List<ItemChange> changes = before.isPresent() ? changes(update) : List.of();
            if (update.common().isPresent()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("DELETE FROM country_name");
                    statement.execute("DELETE FROM country");
                    statement.execute("DELETE FROM concept_word");
                    statement.execute("DELETE FROM named_source");
                }
                insertCountries(update.common().get().countries());
                insertConcepts(update.common().get().concepts());
                insertSources(update.common().get().sources());
            }
            for (String removed : update.removedPacks()) {
                deletePackRows(removed);
            }
            // Every delete before the first insert: a delete from a full-text index makes FTS5 write out the words
            // it holds in memory, so deletes between inserts would cut the index into many small pieces.
            for (CountryPack pack : update.replacedPacks()) {
                deletePackRows(pack.packName());
            }
            SearchIndex.Indexer indexer = new SearchIndex.Indexer(connection);
            for (CountryPack pack : update.replacedPacks()) {
                insertArticles(pack.articles());
                insertContacts(pack.contacts());
                insertChecklists(pack.checklists());
                insertRules(pack.rules());
                // Same transaction: a reader never sees the new content with the old index.
                indexer.addPack(pack.countryCode(), pack.language().code());
            }
            indexer.finish();
            recordInstalled(update);
            if (before.isPresent()) {
                ChangeLog.record(connection, ContentChanges.Kind.UPDATE, before.get().version(),
                        update.index().version(), clock.instant(), changes);
            } else if (rebuilt) {
                // Not "the whole guide is new": the person had content; what changed since is not known.
                ChangeLog.record(connection, ContentChanges.Kind.REBUILT, 0, update.index().version(),
                        clock.instant(), List.of());
            }
            // The first install of a device records nothing: nothing changed for the person.
            connection.commit();
        } catch (SQLException e) {
            Transactions.rollbackQuietly(connection);
            throw new StoreException("apply feed version " + update.index().version(), e);
        } finally {
            Transactions.autoCommitQuietly(connection);
        }
    }

    private record InstalledVersion(long version) {}

    private Optional<InstalledVersion> installedVersion() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM installed_feed WHERE id = 1")) {
            return rows.next() ? Optional.of(new InstalledVersion(rows.getLong(1))) : Optional.empty();
        }
    }

    /** The changes of every replaced or removed pack: its old rows, read here, against its new ones. */
    private List<ItemChange> changes(ContentUpdate update) throws SQLException {
        List<ItemChange> changes = new ArrayList<>();
        for (CountryPack pack : update.replacedPacks()) {
            changes.addAll(ChangeFinder.between(pack.countryCode(), pack.language(),
                    oldItems(pack.countryCode(), pack.language()), ChangeFinder.PackItems.of(pack)));
        }
        for (String removed : new TreeSet<>(update.removedPacks())) {
            int dash = removed.lastIndexOf('-');
            Optional<Language> language = dash <= 0 ? Optional.empty()
                    : Language.fromCode(removed.substring(dash + 1));
            if (language.isPresent()) {
                String country = removed.substring(0, dash);
                changes.addAll(ChangeFinder.between(country, language.get(), oldItems(country, language.get()),
                        ChangeFinder.PackItems.NONE));
            }
        }
        return changes;
    }

    private ChangeFinder.PackItems oldItems(String country, Language language) throws SQLException {
        return new ChangeFinder.PackItems(PackRows.articles(connection, country, language),
                PackRows.contacts(connection, country, language), PackRows.checklists(connection, country, language),
                PackRows.rules(connection, country, language));
    }

    private static void checkCoversEveryChangedPack(ContentUpdate update, Map<String, String> installed) {
        Set<String> supplied = new HashSet<>();
        update.replacedPacks().forEach(p -> supplied.add(p.packName()));
        update.common().ifPresent(c -> supplied.add(PackEntry.COMMON));
        for (PackEntry entry : update.index().packs()) {
            if (!entry.sha256().equals(installed.get(entry.name())) && !supplied.contains(entry.name())) {
                throw new IllegalArgumentException("pack " + entry.name() + " changed but is not in the update");
            }
        }
    }

    /** What is installed now: the index's packs and its version, with the time of installing. */
    private void recordInstalled(ContentUpdate update) throws SQLException {
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
                INSERT INTO installed_feed (id, version, published, expires, installed_at, origin, received_from,
                    signed_by)
                VALUES (1, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(id) DO UPDATE SET version = excluded.version, published = excluded.published,
                    expires = excluded.expires, installed_at = excluded.installed_at, origin = excluded.origin,
                    received_from = excluded.received_from, signed_by = excluded.signed_by""")) {
            upsert.setLong(1, update.index().version());
            upsert.setString(2, update.index().published().toString());
            upsert.setString(3, update.index().expires().toString());
            upsert.setString(4, clock.instant().toString());
            upsert.setString(5, update.source().origin().code());
            upsert.setString(6, update.source().place().orElse(""));
            upsert.setString(7, update.source().signedBy().orElse(""));
            upsert.executeUpdate();
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
        for (String table : List.of("article", "contact", "checklist", "date_rule")) {
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

    /** The concept table: one row per word or phrase, as written; search folds and stems them when it loads them. */
    private void insertConcepts(List<Concept> concepts) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO concept_word (concept, language, position, words) VALUES (?, ?, ?, ?)")) {
            for (Concept concept : concepts) {
                for (Language language : Language.values()) {
                    List<String> words = concept.words(language);
                    for (int i = 0; i < words.size(); i++) {
                        insert.setString(1, concept.id());
                        insert.setString(2, language.code());
                        insert.setInt(3, i);
                        insert.setString(4, words.get(i));
                        insert.addBatch();
                    }
                }
            }
            insert.executeBatch();
        }
    }

    private void insertSources(List<NamedSource> sources) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT OR REPLACE INTO named_source (id, kind, year, written_in, title_tg, title_ru, title_en,
                    publisher_tg, publisher_ru, publisher_en) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (NamedSource source : sources) {
                insert.setString(1, source.id());
                insert.setString(2, source.kind().code());
                insert.setObject(3, source.year().orElse(null));
                insert.setString(4, source.writtenIn());
                int column = 5;
                for (Map<Language, String> texts : List.of(source.title(), source.publisher())) {
                    for (Language language : List.of(Language.TAJIK, Language.RUSSIAN, Language.ENGLISH)) {
                        insert.setString(column++, texts.get(language));
                    }
                }
                insert.addBatch();
            }
            insert.executeBatch();
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
                insert.setString(7, StoredLists.strings(a.sources()));
                insert.setString(8, StoredLists.date(a.verified()));
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
                insert.setString(1, c.id());
                insert.setString(2, c.language().code());
                insert.setString(3, c.countryCode());
                insert.setString(4, c.kind().code());
                insert.setString(5, c.name());
                insert.setString(6, StoredLists.phones(c.phones()));
                insert.setString(7, c.address());
                insert.setString(8, c.hours());
                insert.setString(9, c.languagesSpoken());
                insert.setString(10, c.email());
                insert.setString(11, c.website());
                insert.setString(12, c.note());
                insert.setString(13, StoredLists.strings(c.sources()));
                insert.setString(14, StoredLists.date(c.verified()));
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
                list.setString(6, StoredLists.strings(c.sources()));
                list.setString(7, StoredLists.date(c.verified()));
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

    private void insertRules(List<DateRule> rules) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO date_rule (id, language, country, obliges, counts_from, length, title, body, missed,
                    article, contacts, sources, verified, sort_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (DateRule r : rules) {
                insert.setString(1, r.id());
                insert.setString(2, r.language().code());
                insert.setString(3, r.countryCode());
                insert.setString(4, r.obligation().code());
                insert.setString(5, r.countsFrom().code());
                insert.setString(6, r.length().code());
                insert.setString(7, r.title());
                insert.setString(8, r.body());
                insert.setString(9, r.missed());
                insert.setString(10, r.articleId());
                insert.setString(11, StoredLists.strings(r.contactIds()));
                insert.setString(12, StoredLists.strings(r.sources()));
                insert.setString(13, StoredLists.date(r.verified()));
                insert.setInt(14, r.sortOrder());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public synchronized void close() throws SQLException {
        connection.close();
    }
}
