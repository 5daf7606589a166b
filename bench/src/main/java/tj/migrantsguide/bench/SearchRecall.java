package tj.migrantsguide.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import tj.migrantsguide.Guide;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.store.SearchHit;

/**
 * Whether search finds what migrants look for, the way they type it: the query set shipped with the benchmark
 * ({@code search-recall.tsv}: Tajik typed on a Russian keyboard, letters missed, inflected forms, everyday words
 * for official terms), each query with the item ids a person would expect, run over the real guide (the feed the
 * build embeds in the app). {@code search_recall} is the share of queries with an expected item among the first
 * {@value #TOP} hits; each miss is printed with what came instead.
 */
final class SearchRecall {
    static final int TOP = 5;
    static final String QUERIES = "search-recall.tsv";

    /** One line of the query set. */
    record Query(Language language, String text, Set<String> expected, String note) {}

    record Miss(Query query, List<String> got) {}

    record Outcome(int queries, List<Miss> misses) {
        double recall() {
            return queries == 0 ? Double.NaN : (queries - misses.size()) / (double) queries;
        }
    }

    private SearchRecall() {}

    /** The query set: {@code lang TAB query TAB expected ids (space-separated) TAB note}; # starts a comment. */
    static List<Query> queries() throws IOException {
        List<Query> queries = new ArrayList<>();
        try (InputStream in = SearchRecall.class.getResourceAsStream("/" + QUERIES)) {
            if (in == null) {
                throw new IllegalStateException(QUERIES + " is not on the class path");
            }
            int number = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                if (parts.length < 3) {
                    throw new IllegalStateException(QUERIES + ":" + number + ": want lang, query, ids: " + line);
                }
                int at = number;
                Language language = Language.fromCode(parts[0].strip()).orElseThrow(
                        () -> new IllegalStateException(QUERIES + ":" + at + ": no language " + parts[0]));
                queries.add(new Query(language, parts[1].strip(),
                        new LinkedHashSet<>(Arrays.asList(parts[2].strip().split("\\s+"))),
                        parts.length > 3 ? parts[3].strip() : ""));
            }
        }
        return queries;
    }

    /** Runs the query set over the guide built from {@code feed} (a fresh data folder, deleted afterwards). */
    static Outcome run(Path feed, List<Query> queries) throws IOException, Guide.SnapshotUnreadableException {
        Path data = Files.createTempDirectory("guide-search-recall");
        try (Guide guide = Guide.open(data, FeedFiles.directory(feed), Clock.systemUTC())) {
            List<Miss> misses = new ArrayList<>();
            for (Query query : queries) {
                List<String> got = guide.store().search(query.text(), query.language(), TOP).stream()
                        .map(SearchHit::id).toList();
                if (got.stream().noneMatch(query.expected()::contains)) {
                    misses.add(new Miss(query, got));
                }
            }
            return new Outcome(queries.size(), misses);
        } finally {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Adds {@code search_recall} and its target; prints the misses. Skipped, saying so, without the built feed. */
    static void measure(Results results) throws IOException, Guide.SnapshotUnreadableException {
        Path feed = Stream.of(Path.of("content", "target", "feed"), Path.of("..", "content", "target", "feed"))
                .filter(p -> Files.isRegularFile(p.resolve("index.json"))).findFirst().orElse(null);
        if (feed == null) {
            System.out.println("  recall: no content/target/feed (build the content module first): not measured");
            return;
        }
        List<Query> queries = queries();
        Outcome outcome = run(feed, queries);
        results.put("search_recall_queries", outcome.queries());
        results.put("search_recall_misses", outcome.misses().size());
        results.put("search_recall", outcome.recall());
        results.target("search_recall", "an expected item in the top " + TOP + " for 95% of " + outcome.queries()
                + " queries typed as migrants type", outcome.recall() >= 0.95);
        for (Miss miss : outcome.misses()) {
            System.out.printf(Locale.ROOT, "  recall miss: %s «%s» (%s) wanted %s, got %s%n",
                    miss.query().language().code(), miss.query().text(), miss.query().note(),
                    miss.query().expected(), miss.got());
        }
    }
}
