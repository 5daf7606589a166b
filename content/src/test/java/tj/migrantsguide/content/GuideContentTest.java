package tj.migrantsguide.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.Guide;
import tj.migrantsguide.content.lint.Documents;
import tj.migrantsguide.content.lint.Linter;
import tj.migrantsguide.content.publish.Publisher;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Stage;

/** The real editorial sources in content/guide: complete, clean, and publishable into a feed that reads back whole. */
class GuideContentTest {
    private static final Path SOURCES = Path.of("guide");
    /** The development key (keys/development/README.md): for tests and the demo only. */
    private static final String KEY = Path.of("keys", "development", "private.key").toString();
    // The real guide carries items verified up to 2026-12-03 (issue 21); an earlier clock would call them future-dated.
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);
    /** Every destination the source documents name with a labour agreement (see content/README.md), and home. */
    private static final Set<String> COUNTRIES =
            Set.of("TJ", "RU", "KZ", "KR", "GB", "QA", "AE", "SA", "BY", "TR", "KG", "CN");

    private static EditorialContent content;
    private static List<Problem> loadProblems;

    @TempDir
    Path temp;

    @BeforeAll
    static void load() throws Exception {
        loadProblems = new ArrayList<>();
        content = SourceLoader.load(SOURCES, loadProblems);
    }

    @Test
    void realSourcesHaveNoLintErrors() {
        List<Problem> problems = new ArrayList<>(loadProblems);
        problems.addAll(new Linter(CLOCK).lint(content));

        assertEquals(List.of(), problems.stream().filter(Problem::isError).toList());
    }

    @Test
    void everyCitedDocumentAndSiteIsNamedInEachLanguage() {
        List<tj.migrantsguide.guide.NamedSource> table = content.common().sources();
        assertTrue(table.size() >= 5, "the five documents at least: " + table.size());
        for (var item : content.items()) {
            for (var cited : item.sources()) {
                var citation = tj.migrantsguide.guide.Citation.parse(cited.text());
                if (citation.document().isEmpty() && citation.page().isEmpty()) {
                    continue; // a law written out
                }
                var named = citation.find(table);
                assertTrue(named.isPresent(), item.id() + ": " + cited.text());
                for (Language language : Language.values()) {
                    String said = named.get().describe(language);
                    assertFalse(said.contains(".txt"), said);
                }
            }
        }
        assertEquals("UN Committee on Migrant Workers, third periodic report of Tajikistan, 2024",
                tj.migrantsguide.guide.Citation.parse("001_83c9d57138334d54.txt:1").find(table).orElseThrow()
                        .describe(Language.ENGLISH));
    }

    @Test
    void aCitedSiteMissingFromTheTableIsRefusedByNameWithFileAndLine() throws Exception {
        Path copy = temp.resolve("guide");
        try (var paths = Files.walk(SOURCES)) {
            for (Path from : paths.toList()) {
                Path to = copy.resolve(SOURCES.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        Path table = copy.resolve(SourceLoader.SOURCES_FILE);
        String text = Files.readString(table);
        int start = text.indexOf("=== site mfa.tj");
        Files.writeString(table, text.substring(0, start) + text.substring(text.indexOf("===", start + 3)));

        List<Problem> problems = new ArrayList<>();
        EditorialContent changed = SourceLoader.load(copy, problems);
        problems.addAll(new Linter(CLOCK).lint(changed));
        List<Problem> unnamed = problems.stream().filter(p -> p.code().equals("source-unnamed")).toList();
        assertFalse(unnamed.isEmpty());
        assertTrue(unnamed.stream().allMatch(p -> p.isError() && p.toString().contains("mfa.tj")
                && p.toString().matches("(?s).*\\.txt:[0-9]+.*")), unnamed.get(0).toString());
    }

    @Test
    void realSourcesCiteLinesThatExistInTheSourceDocumentsAndQuoteThem() {
        Documents documents = Documents.forGuide(SOURCES);
        assertTrue(documents.available(), "content/documents (the repository's copy of the documents) is missing");
        List<Problem> problems = new Linter(CLOCK, documents.folder(), Linter.RECHECK_AFTER).lint(content);

        assertEquals(List.of(), problems.stream().filter(p -> p.code().startsWith("source-") && p.isError()).toList());
        assertTrue(problems.stream().noneMatch(p -> p.code().equals("documents-unavailable")));
    }

    @Test
    void guideCoversEveryDestinationInAllThreeLanguages() {
        Set<String> codes = content.common().countries().stream().map(c -> c.code()).collect(Collectors.toSet());
        assertEquals(COUNTRIES, codes);
        for (String code : COUNTRIES) {
            Set<Language> languages = content.countryPacks().stream().filter(p -> p.countryCode().equals(code))
                    .filter(p -> p.itemCount() > 0).map(CountryPack::language)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Language.class)));
            assertEquals(EnumSet.allOf(Language.class), languages, code);
        }
    }

    @Test
    void everyCountryCoversTheThreeStagesWithAChecklistAndAnEmergencyCard() {
        for (CountryPack pack : content.countryPacks()) {
            Set<Stage> stages = pack.articles().stream().map(Article::stage)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(Stage.class)));
            assertEquals(EnumSet.allOf(Stage.class), stages, pack.packName());
            assertTrue(pack.checklists().stream().anyMatch(c -> c.stage() == Stage.BEFORE_DEPARTURE), pack.packName());
            assertTrue(pack.contacts().stream().anyMatch(Contact::emergency), pack.packName());
        }
    }

    @Test
    void everyDestinationCarriesTheAntiTraffickingHotlinesOnItsEmergencyCard() {
        for (CountryPack pack : content.countryPacks()) {
            Set<String> card = pack.contacts().stream().filter(Contact::emergency)
                    .flatMap(c -> c.phones().stream()).map(p -> p.display()).collect(Collectors.toSet());
            assertTrue(card.containsAll(Set.of("227-07-07-07", "98-010-55-55-55")), pack.packName() + " " + card);
        }
    }

    @Test
    void russiaCoversEveryStepOfTheJourney() {
        Set<String> ids = pack("RU", Language.ENGLISH).articles().stream().map(Article::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("entry-russia", "migration-card", "registration-15-days",
                "work-permit-patent", "medical-and-language-exams", "health-insurance", "family-stay", "entry-ban",
                "pension-russia", "organised-recruitment")), ids.toString());
    }

    @Test
    void homeContentNamesTheFourPreDepartureCentres() {
        Set<String> ids = pack("TJ", Language.ENGLISH).contacts().stream().map(Contact::id).collect(Collectors.toSet());
        assertTrue(ids.containsAll(Set.of("pre-departure-centre-dushanbe", "pre-departure-centre-khujand",
                "pre-departure-centre-khorog", "pre-departure-centre-bokhtar", "migration-service",
                "anti-corruption-line", "trafficking-hotline-227-tj", "trafficking-hotline-98-tj")), ids.toString());
    }

    @Test
    void noContactShowsANumberThatIsNotInAPhoneLine() {
        // The UK embassy's 2015 number must never appear (official-contacts-found.md); nor may any number hide in a note.
        for (CountryPack pack : content.countryPacks()) {
            for (Contact contact : pack.contacts()) {
                assertFalse(contact.note().contains("834 2113"), contact.id());
                assertFalse(contact.address().contains("Hammersmith"), contact.id());
            }
        }
    }

    @Test
    void publishedFeedReadsBackWithEveryPack() throws Exception {
        new Publisher(CLOCK).publish(content, 5, temp, DevelopmentKey.read());

        Feed feed = FeedReader.read(FeedFiles.directory(temp));
        assertEquals(5, feed.index().version());
        assertEquals(content.countryPacks(), feed.countryPacks());
        assertEquals(content.common(), feed.common());
    }

    @Test
    void publishedFeedInstallsIntoARealGuideDatabaseWithEveryItem() throws Exception {
        // The database keys items by id and language, not country: this is where a repeated id would surface.
        Path feed = temp.resolve("feed");
        new Publisher(CLOCK).publish(content, 1, feed, DevelopmentKey.read());
        try (Guide guide = Guide.open(temp.resolve("data"), FeedFiles.directory(feed), CLOCK)) {
            for (CountryPack pack : content.countryPacks()) {
                String country = pack.countryCode();
                assertEquals(pack.articles().size(), guide.store().articles(country, pack.language()).size(),
                        pack.packName());
                assertEquals(pack.contacts().size(), guide.store().contacts(country, pack.language()).size(),
                        pack.packName());
                assertEquals(pack.checklists(), guide.store().checklists(country, pack.language()), pack.packName());
            }
        }
    }

    @Test
    void publishingTheSameContentTwiceGivesTheSamePackAddresses() throws Exception {
        var first = new Publisher(CLOCK).publish(content, 1, temp.resolve("a"), DevelopmentKey.read());
        var second = new Publisher(CLOCK).publish(content, 2, temp.resolve("b"), DevelopmentKey.read());
        assertEquals(first.packs(), second.packs());
    }

    @Test
    void buildWithoutVersionPublishesOneMoreThanTheLastAndRefusesAnOlderOne() throws Exception {
        Path feed = temp.resolve("feed");
        assertEquals(0, run("build", "--sources", SOURCES.toString(), "--key", KEY, "--out", feed.toString(), "--version", "4"));
        assertEquals(0, run("build", "--sources", SOURCES.toString(), "--key", KEY, "--out", feed.toString()));
        assertEquals(5, Publisher.lastPublishedVersion(feed).orElseThrow());
        assertEquals(1, run("build", "--sources", SOURCES.toString(), "--key", KEY, "--out", feed.toString(), "--version", "3"));
        assertEquals(5, Publisher.lastPublishedVersion(feed).orElseThrow());
    }

    @Test
    void buildRefusesContentWithLintErrorsAndNamesFileAndLine() throws Exception {
        Path sources = temp.resolve("guide");
        copyTree(SOURCES, sources);
        Path ru = sources.resolve("RU/ru.txt");
        String text = Files.readString(ru);
        Files.writeString(ru, text.replaceFirst("verified: 2026-11-23", "verified: 2027-01-01"));
        int line = lineOf(Files.readString(ru), "verified: 2027-01-01");

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] {"build", "--sources", sources.toString(), "--key", KEY, "--out",
                temp.resolve("feed").toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK);

        assertEquals(1, code);
        String errors = err.toString(StandardCharsets.UTF_8);
        assertTrue(errors.contains("RU/ru.txt:" + line + ": error [future-date]"), errors);
        assertTrue(!Files.exists(temp.resolve("feed/index.json")));
    }

    private static CountryPack pack(String country, Language language) {
        return content.countryPacks().stream()
                .filter(p -> p.countryCode().equals(country) && p.language() == language).findFirst().orElseThrow();
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + needle);
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
                CLOCK);
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
