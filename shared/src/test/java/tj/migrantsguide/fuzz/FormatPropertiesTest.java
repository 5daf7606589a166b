package tj.migrantsguide.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.IndexEnvelope;
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
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.SearchHit;
import tj.migrantsguide.text.Folding;
import tj.migrantsguide.text.SearchQuery;

/**
 * Property tests (jqwik) of the formats the device reads and of what it does with any text: writing then reading
 * gives back the same value; folding is idempotent; search and query parsing take any string; and real feed files
 * with random damage are read or refused by name (a cheap, bounded fuzzing that runs in every build, beside
 * Jazzer's regression mode). Try counts are set so the whole class runs in seconds; the figures are in
 * docs/reliability.md.
 */
class FormatPropertiesTest {
    private static Path folder;
    private static GuideStore store;
    private static byte[] realPack;
    private static byte[] realIndex;

    @BeforeContainer
    static void openStore() throws Exception {
        folder = Files.createTempDirectory("format-properties");
        store = GuideStore.open(folder, java.time.Clock.systemUTC());
        Path feed = fixture("next-v3");
        store.install(FeedReader.read(FeedFiles.directory(feed)));
        FeedIndex index = FeedCodec.readIndex("index.json", Files.readAllBytes(feed.resolve("index.json")));
        realIndex = Files.readAllBytes(feed.resolve("index.json"));
        realPack = Files.readAllBytes(feed.resolve(index.pack("RU-tg").orElseThrow().file()));
    }

    @AfterContainer
    static void closeStore() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(FormatPropertiesTest.class.getResource("/feeds/" + name).toURI());
    }

    // ---- round trips ----

    @Property(tries = 300)
    void aCountryPackReadsBackAsWritten(@ForAll("countryPacks") CountryPack pack) throws FeedFormatException {
        assertEquals(pack, FeedCodec.readCountryPack("p", FeedCodec.writeCountryPack(pack)));
    }

    @Property(tries = 200)
    void theCommonPackReadsBackAsWritten(@ForAll("commonPacks") CommonPack pack) throws FeedFormatException {
        assertEquals(pack, FeedCodec.readCommon("p", FeedCodec.writeCommon(pack)));
    }

    @Property(tries = 100)
    void aSignedIndexVerifiesAndReadsBackAsWritten(@ForAll("indexes") FeedIndex index) throws FeedFormatException {
        IndexEnvelope envelope = IndexEnvelope.parse("index.json",
                FeedCodec.writeIndex(index, List.of(TestKeys.development())));
        assertTrue(FeedKeys.verify(TestKeys.development().publicKey(), envelope.signedBytes(),
                envelope.signatures().get(0).bytes()), "the signature covers the bytes read back");
        assertEquals(index, FeedCodec.readSignedBody("index.json", envelope.signedBytes()));
    }

    @Property(tries = 200)
    void theQuestionListReadsBackAsWritten(@ForAll("remoteQuestions") List<QuestionCodec.RemoteQuestion> questions) {
        assertEquals(Optional.of(questions), QuestionCodec.readQuestionList(QuestionCodec.writeQuestionList(questions)));
    }

    // ---- any text ----

    @Property(tries = 1000)
    void foldingTwiceIsFoldingOnce(@ForAll("anyText") String text) {
        String once = Folding.fold(text);
        assertEquals(once, Folding.fold(once));
    }

    @Property(tries = 500)
    void searchTakesAnyTextAndKeepsToItsLimit(@ForAll("anyText") String text, @ForAll("languages") Language language) {
        List<SearchHit> hits = store.search(text, language, 20);
        assertTrue(hits.size() <= 20);
        SearchQuery query = SearchQuery.parse(text);
        assertTrue(query.terms().size() <= SearchQuery.MAX_TERMS);
    }

    // ---- damaged real files ----

    @Property(tries = 2000)
    void aDamagedPackIsReadOrRefusedByName(@ForAll("damage") List<int[]> edits) {
        byte[] damaged = damage(realPack, edits);
        try {
            CountryPack pack = FeedCodec.readCountryPack("p", damaged);
            assertEquals(pack, FeedCodec.readCountryPack("again", FeedCodec.writeCountryPack(pack)));
        } catch (FeedFormatException refused) {
            // named: the expected outcome for most damage
        }
    }

    @Property(tries = 2000)
    void aDamagedIndexIsReadOrRefusedByName(@ForAll("damage") List<int[]> edits) {
        byte[] damaged = damage(realIndex, edits);
        try {
            FeedCodec.readIndex("index.json", damaged);
        } catch (FeedFormatException refused) {
            // named
        }
    }

    /** Each edit: {kind, position, byte}: replace, insert or delete one byte. */
    static byte[] damage(byte[] original, List<int[]> edits) {
        List<Byte> bytes = new ArrayList<>(original.length + edits.size());
        for (byte b : original) {
            bytes.add(b);
        }
        for (int[] edit : edits) {
            if (bytes.isEmpty()) {
                break;
            }
            int at = Math.floorMod(edit[1], bytes.size());
            switch (edit[0]) {
                case 0 -> bytes.set(at, (byte) edit[2]);
                case 1 -> bytes.add(at, (byte) edit[2]);
                default -> bytes.remove(at);
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    // ---- generators ----

    @Provide
    Arbitrary<List<int[]>> damage() {
        Arbitrary<int[]> edit = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.integers().between(0, 255))
                .as((kind, at, value) -> new int[] {kind, at, value});
        return edit.list().ofMinSize(1).ofMaxSize(8);
    }

    @Provide
    Arbitrary<Language> languages() {
        return Arbitraries.of(Language.class);
    }

    /** Text a person might type or a feed might hold: Tajik, Russian, Latin, digits, JSON's specials, emoji. */
    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> chars = Arbitraries.strings()
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withCharRange('\u0400', '\u04ff') // Cyrillic, Tajik letters included
                .withChars(" \n\t\"\\*-+()'«»:.,?!№\u0301\u00e9\u200b\u202e\u0000")
                .ofMaxLength(60);
        Arbitrary<String> emoji = Arbitraries.of("", "😀", "👨‍👩‍👧", "🇹🇯");
        return Combinators.combine(chars, emoji, chars).as((a, e, b) -> a + e + b);
    }

    private Arbitrary<String> text() {
        return anyText();
    }

    private Arbitrary<String> ids() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("-0123456789").ofMinLength(1).ofMaxLength(20);
    }

    private Arbitrary<Optional<LocalDate>> dates() {
        return Arbitraries.integers().between(0, 20000).map(d -> LocalDate.of(2000, 1, 1).plusDays(d))
                .optional();
    }

    private Arbitrary<List<String>> sources() {
        return text().list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<CountryPack> countryPacks() {
        Arbitrary<Article> articles = Combinators.combine(ids(), Arbitraries.of(Stage.class), text(), text(),
                sources(), dates(), Arbitraries.integers())
                .as((id, stage, title, body, sources, verified, order) -> new Article(id, "RU", stage,
                        Language.TAJIK, title, body, sources, verified, order));
        Arbitrary<Phone> phones = Combinators.combine(Arbitraries.strings().numeric().ofMaxLength(12), text())
                .as(Phone::new);
        Arbitrary<Contact> contacts = Combinators.combine(ids(), Arbitraries.of(ContactKind.class), text(),
                phones.list().ofMaxSize(3), text(), text(), sources(), Arbitraries.of(true, false))
                .as((id, kind, name, ph, address, note, sources, emergency) -> new Contact(id, "RU", kind,
                        Language.TAJIK, name, ph, address, "", "tg, ru", "", "", note, sources, Optional.empty(),
                        emergency, 1));
        Arbitrary<Checklist> checklists = Combinators.combine(ids(), Arbitraries.of(Stage.class), text(),
                Combinators.combine(ids(), text()).as(ChecklistItem::new).list().ofMaxSize(5), sources(), dates())
                .as((id, stage, title, items, sources, verified) -> new Checklist(id, "RU", stage, Language.TAJIK,
                        title, items, sources, verified, 2));
        return Combinators.combine(articles.list().ofMaxSize(4), contacts.list().ofMaxSize(3),
                checklists.list().ofMaxSize(3))
                .as((a, c, l) -> new CountryPack("RU", Language.TAJIK, a, c, l));
    }

    @Provide
    Arbitrary<CommonPack> commonPacks() {
        Arbitrary<Country> countries = Combinators.combine(
                Arbitraries.strings().withCharRange('A', 'Z').ofLength(2), text(), text(), text(),
                Arbitraries.integers())
                .as((code, tg, ru, en, order) -> {
                    Map<Language, String> names = new EnumMap<>(Language.class);
                    names.put(Language.TAJIK, tg);
                    names.put(Language.RUSSIAN, ru);
                    names.put(Language.ENGLISH, en);
                    return new Country(code, names, order);
                });
        return countries.list().ofMaxSize(6).map(CommonPack::new);
    }

    @Provide
    Arbitrary<FeedIndex> indexes() {
        Arbitrary<PackEntry> entries = Combinators.combine(ids(),
                Arbitraries.strings().withChars("0123456789abcdef").ofLength(64), Arbitraries.longs().between(0,
                        16L << 20))
                .as((name, sha, size) -> new PackEntry(name, PackEntry.fileFor(sha), size, sha));
        return Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE),
                Arbitraries.longs().between(0, 4_000_000_000L), entries.list().ofMaxSize(6).uniqueElements(
                        PackEntry::name))
                .as((version, seconds, packs) -> {
                    List<PackEntry> all = new ArrayList<>(packs);
                    all.removeIf(p -> p.name().equals(PackEntry.COMMON));
                    all.add(0, new PackEntry(PackEntry.COMMON, PackEntry.fileFor("0".repeat(64)), 10, "0".repeat(64)));
                    Instant published = Instant.ofEpochSecond(seconds);
                    return new FeedIndex(FeedIndex.FORMAT, version, published, published.plusSeconds(86_400), all);
                });
    }

    @Provide
    Arbitrary<List<QuestionCodec.RemoteQuestion>> remoteQuestions() {
        Arbitrary<Instant> times = Arbitraries.longs().between(0, 4_000_000_000L).map(Instant::ofEpochSecond);
        Arbitrary<Optional<QuestionCodec.RemoteAnswer>> answers = Combinators.combine(text(), times)
                .as(QuestionCodec.RemoteAnswer::new).optional();
        return Combinators.combine(ids(), ids(), times, answers).as(QuestionCodec.RemoteQuestion::new)
                .list().ofMaxSize(5);
    }
}
