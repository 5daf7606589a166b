package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.Language;

/**
 * Checks that a data folder holds exactly one version of the content and nothing of another: the installed version
 * and pack hashes are the index's, every pack's rows are that pack's rows, search finds that version's words and
 * not another's, and SQLite finds both files intact. For the tests that kill an install or read during one.
 */
public final class ContentConsistency {
    private ContentConsistency() {}

    /**
     * Asserts that {@code store} holds one of {@code feeds} wholly; returns its version.
     *
     * @param marker the word only titles of a given version carry
     */
    public static long check(GuideStore store, Map<Long, Feed> feeds, LongFunction<String> marker) {
        long version = store.installedFeed().orElseThrow(() -> new AssertionError("no content installed")).version();
        Feed feed = feeds.get(version);
        assertTrue(feed != null, "installed version " + version + " is none of " + feeds.keySet());
        assertEquals(feed.index().packHashes(), Map.copyOf(store.installedPacks()), "installed pack hashes");
        assertEquals(Set.copyOf(feed.common().countries()), Set.copyOf(store.countries()), "countries");
        for (CountryPack pack : feed.countryPacks()) {
            String country = pack.countryCode();
            Language language = pack.language();
            assertEquals(sorted(pack.articles(), Comparator.comparingInt(Article::sortOrder)),
                    store.articles(country, language), pack.packName() + " articles");
            assertEquals(sorted(pack.contacts(), Comparator.comparingInt(Contact::sortOrder)),
                    store.contacts(country, language), pack.packName() + " contacts");
            assertEquals(sorted(pack.checklists(), Comparator.comparingInt(Checklist::sortOrder)),
                    store.checklists(country, language), pack.packName() + " checklists");
        }
        for (long other : feeds.keySet()) {
            List<SearchHit> hits = store.search(marker.apply(other), Language.TAJIK, 5);
            if (other == version) {
                assertTrue(!hits.isEmpty(), "search finds the installed version's words");
            } else {
                assertEquals(List.of(), hits, "search finds words of version " + other + " in version " + version);
            }
        }
        integrity(store.folder());
        return version;
    }

    /** {@code PRAGMA integrity_check} of both files is "ok". */
    public static void integrity(Path folder) {
        for (StoreFile file : StoreFile.values()) {
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(file.fileName()));
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("PRAGMA integrity_check")) {
                Set<String> result = new HashSet<>();
                while (rows.next()) {
                    result.add(rows.getString(1));
                }
                assertEquals(Set.of("ok"), result, file.fileName() + " integrity");
            } catch (SQLException e) {
                throw new AssertionError("check " + file.fileName(), e);
            }
        }
    }

    private static <T> List<T> sorted(List<T> items, Comparator<T> order) {
        return items.stream().sorted(order).toList();
    }
}
