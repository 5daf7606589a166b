package tj.migrantsguide.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.NamedSource;
import tj.migrantsguide.text.Alphabet;

/**
 * The guide's memory on the device: a data folder with two SQLite files, content.db (replaceable: rebuilt from the
 * app's snapshot or the next feed) and user.db (the person's ticks, bookmarks, settings…, never touched by a
 * content update). Every screen reads from here; nothing here touches the network. All SQL of the app lives in
 * this package. The layout, every table, the migrations and recovery are described in docs/database.md.
 *
 * <p>A facade over three parts, each on its own connection and lock: {@link ContentReader} (what screens read),
 * {@link ContentWriter} (content updates) and {@link UserData} (the person's data). Opening the folder (checks,
 * repairs, migrations, the read-only fallback) is here.
 */
public final class GuideStore implements AutoCloseable {
    /** A search returns a screenful or a few: more would be slow to build and nobody scrolls that far. */
    public static final int MOST_SEARCH_HITS = 200;

    private final Path folder;
    private final ContentReader content;
    private final ContentWriter writer;
    /** user.db as {@code main} (content.db attached, as DataFolder opens it): {@link UserData}'s connection. */
    private final Connection userConnection;
    private final Object userLock = new Object();
    private final UserData userData;
    private final Optional<ReadOnly> readOnly;
    /** The session copy of a folder that cannot be written (read-only mode), deleted on close. */
    private final Optional<Path> sessionCopy;
    /** Set when content.db was rebuilt empty at this start; the first install then says so (ContentChanges). */
    private final java.util.concurrent.atomic.AtomicBoolean contentRebuilt = new java.util.concurrent.atomic.AtomicBoolean();

    private GuideStore(Path folder, Connection userConnection, Connection writer, Connection reader, Clock clock,
            Optional<ReadOnly> readOnly, Optional<Path> sessionCopy, Path opened) {
        this.folder = folder;
        this.userConnection = userConnection;
        this.writer = new ContentWriter(writer, clock);
        this.content = new ContentReader(reader);
        this.userData = new UserData(userLock, userConnection, clock,
                WriteGuard.of(opened.resolve(StoreFile.USER.fileName()), readOnly));
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

        /** Whether {@code folder} can take a write now; else why not. */
        static Optional<ReadOnly> of(Path folder) {
            return DataFolder.whyNotWritable(folder)
                    .map(e -> new ReadOnly(folder, StoreException.problemOf(e) == StoreException.Problem.DISK_FULL
                            ? StoreException.Problem.DISK_FULL : StoreException.Problem.READ_ONLY,
                            String.valueOf(e.getMessage())));
        }
    }

    /** Whether the data folder has a content file (of this version or the older single-file layout). */
    public static boolean hasContentFile(Path folder) {
        return Files.exists(folder.resolve(StoreFile.CONTENT.fileName()))
                || Files.exists(folder.resolve(DataFolder.LEGACY_FILE));
    }

    /**
     * Opens the data folder, creating it and its files if needed, repairing damaged files (a repair is recorded
     * for the person to see once: {@link UserData#unseenRecovery()}) and bringing both schemas up to date. A
     * version-1 folder (a single guide.db) is converted. The content may be empty afterwards: the caller
     * ({@code Guide}) then installs the app's snapshot.
     */
    public static GuideStore open(Path folder, Clock clock) {
        Path absolute = folder.toAbsolutePath();
        Optional<ReadOnly> readOnly = ReadOnly.of(absolute);
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
        GuideStore store = new GuideStore(absolute, opened.connection(), writer, reader, clock, readOnly, copy, opening);
        try {
            if (opened.repair().any()) {
                store.userData.recordRecovery(opened.repair());
            }
            store.contentRebuilt.set(opened.repair().content().isPresent());
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
        return content.installedFeed();
    }

    /** Name and SHA-256 of each pack the installed content was built from. */
    public Map<String, String> installedPacks() {
        return content.installedPacks();
    }

    /** Replaces all content with the feed's (the first start, or a snapshot newer than the device's content). */
    public void install(Feed feed) {
        // Allowed in read-only mode: it fills the session copy with the app's own snapshot so that the guide can be
        // read at all; nothing of it is meant to be kept.
        install(feed, ContentUpdate.Source.UNKNOWN);
    }

    /** {@link #install(Feed)}, recording where the feed came from (the app's own copy, for {@code Guide}). */
    public void install(Feed feed, ContentUpdate.Source source) {
        writer.apply(ContentUpdate.whole(feed, installedPacks().keySet()).from(source), this::installedPacks,
                contentRebuilt.getAndSet(false));
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
        writer.apply(update, this::installedPacks, contentRebuilt.getAndSet(false));
    }

    /**
     * What the installed updates changed, newest first (at most {@link ChangeLog#UPDATES_KEPT}).
     *
     * @param sinceVersion only updates to a version above this (0 for all)
     * @param language only items in this language; every language when empty
     */
    public List<ContentChanges> changes(long sinceVersion, Optional<Language> language) {
        return content.changes(sinceVersion, language);
    }

    /** Where the installed content came from; empty when no content is installed. */
    public Optional<Provenance> provenance() {
        return content.provenance();
    }

    // ---- reading ----

    public List<Country> countries() {
        return content.countries();
    }

    /** The documents and sites the content cites, named (content/guide/sources.txt); empty before the table. */
    public List<NamedSource> namedSources() {
        return content.namedSources();
    }

    public List<Article> articles(String countryCode, Language language) {
        return content.articles(countryCode, language);
    }

    public List<Contact> contacts(String countryCode, Language language) {
        return content.contacts(countryCode, language);
    }

    public List<Checklist> checklists(String countryCode, Language language) {
        return content.checklists(countryCode, language);
    }

    /** The deadlines the feed gives for one country, in the guide's order (none for most countries). */
    public List<DateRule> rules(String countryCode, Language language) {
        return content.rules(countryCode, language);
    }

    /** Every country's deadlines in {@code language}, by country code, then in the guide's order. */
    public List<DateRule> rules(Language language) {
        return content.rules(language);
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
        return find(text, language, limit).hits();
    }

    /**
     * {@link #search}, with the corrected words when nothing matched as typed but a typo correction did
     * ({@link SearchResults#didYouMean()}).
     */
    public SearchResults find(String text, Language language, int limit) {
        return content.search(text, language, Math.min(limit, MOST_SEARCH_HITS), Set.of());
    }

    /**
     * {@link #search}, keeping only the hits of {@code countries}: the same hits as filtering its answer, without
     * making the others' excerpts.
     */
    public List<SearchHit> search(String text, Language language, int limit, Set<String> countries) {
        return content.search(text, language, Math.min(limit, MOST_SEARCH_HITS), Set.copyOf(countries)).hits();
    }

    /**
     * Builds what the first search of each language would build otherwise (the typo lookup over the whole
     * vocabulary: ~0.5 s at 100k items), so that no keystroke pays for it. Blocking, off the UI thread; worth
     * calling again after the content changed (the lookups are rebuilt for the new version).
     */
    public void prepareSearch() {
        content.prepareSearch();
    }

    public ContentCounts counts() {
        return content.counts();
    }

    @Override
    public void close() {
        SQLException failure = null;
        for (AutoCloseable part : List.<AutoCloseable>of(content, writer, this::closeUserData)) {
            try {
                part.close();
            } catch (SQLException e) {
                failure = failure == null ? e : failure;
            } catch (Exception e) {
                throw new IllegalStateException("closing throws SQLException only", e);
            }
        }
        sessionCopy.ifPresent(DataFolder::deleteSessionCopy);
        if (failure != null) {
            throw new StoreException("close " + folder, failure);
        }
    }

    private void closeUserData() throws SQLException {
        synchronized (userLock) {
            userConnection.close();
        }
    }
}
