package tj.migrantsguide.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.content.lint.Linter;
import tj.migrantsguide.content.publish.Publisher;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedReader;

/** The real editorial sources in content/guide lint cleanly and publish into a feed that reads back whole. */
class SkeletonContentTest {
    private static final Path SOURCES = Path.of("guide");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void realSourcesHaveNoLintErrors() throws Exception {
        List<Problem> problems = new ArrayList<>();
        EditorialContent content = SourceLoader.load(SOURCES, problems);
        problems.addAll(new Linter(clock).lint(content));

        assertEquals(List.of(), problems.stream().filter(Problem::isError).toList());
    }

    @Test
    void publishedFeedReadsBackWithEveryPack() throws Exception {
        List<Problem> problems = new ArrayList<>();
        EditorialContent content = SourceLoader.load(SOURCES, problems);
        new Publisher(clock).publish(content, 5, temp);

        Feed feed = FeedReader.read(FeedFiles.directory(temp));
        assertEquals(5, feed.index().version());
        assertEquals(content.countryPacks(), feed.countryPacks());
        assertEquals(content.common(), feed.common());
    }

    @Test
    void publishingTheSameContentTwiceGivesTheSamePackAddresses() throws Exception {
        EditorialContent content = SourceLoader.load(SOURCES, new ArrayList<>());
        var first = new Publisher(clock).publish(content, 1, temp.resolve("a"));
        var second = new Publisher(clock).publish(content, 2, temp.resolve("b"));
        assertEquals(first.packs(), second.packs());
    }

    @Test
    void buildWithoutVersionPublishesOneMoreThanTheLastAndRefusesAnOlderOne() throws Exception {
        Path feed = temp.resolve("feed");
        assertEquals(0, run("build", "--sources", SOURCES.toString(), "--out", feed.toString(), "--version", "4"));
        assertEquals(0, run("build", "--sources", SOURCES.toString(), "--out", feed.toString()));
        assertEquals(5, Publisher.lastPublishedVersion(feed).orElseThrow());
        assertEquals(1, run("build", "--sources", SOURCES.toString(), "--out", feed.toString(), "--version", "3"));
        assertEquals(5, Publisher.lastPublishedVersion(feed).orElseThrow());
    }

    @Test
    void buildRefusesContentWithLintErrorsAndNamesFileAndLine() throws Exception {
        Path sources = temp.resolve("guide");
        copyTree(SOURCES, sources);
        Path ru = sources.resolve("RU/ru.txt");
        Files.writeString(ru, Files.readString(ru).replaceFirst("verified: 2026-11-23", "verified: 2027-01-01"));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"build", "--sources", sources.toString(), "--out",
                temp.resolve("feed").toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock);

        assertEquals(1, code);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("RU/ru.txt:8: error [future-date]"), errors);
        assertTrue(!Files.exists(temp.resolve("feed/index.json")));
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
                clock);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
