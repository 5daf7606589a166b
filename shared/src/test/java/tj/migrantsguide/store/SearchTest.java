package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Stage;

class SearchTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private GuideStore store;

    @BeforeEach
    void installContent() {
        store = GuideStore.open(temp.resolve("data"), clock);
        store.install(Packs.feed(1, Packs.russiaForSearch()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> ids(String text, Language language) {
        return store.search(text, language, 20).stream().map(SearchHit::id).toList();
    }

    @Test
    void findsTajikWordsTypedWithoutTajikLetters() {
        assertEquals("documents", ids("хуччат", Language.TAJIK).get(0));
        assertEquals("law", ids("конун", Language.TAJIK).get(0));
    }

    @Test
    void highlightsTheMatchInTheOriginalText() {
        SearchHit hit = store.search("хуччат", Language.TAJIK, 5).get(0);
        assertEquals("«Ҳуҷҷатҳое», ки бо худ доред", hit.title().marked("«", "»"));
        assertEquals("Шиносномаи хориҷӣ ва дигар «ҳуҷҷатҳоро» дар ҷои бехатар нигоҳ доред.",
                hit.excerpt().marked("«", "»"));
    }

    @Test
    void findsWordsFromTheirFirstLettersWhileTyping() {
        assertTrue(ids("муҳо", Language.TAJIK).contains("registration-15-days"));
        assertTrue(ids("Regist", Language.ENGLISH).contains("registration-15-days"));
        assertEquals(List.of("work-patent", "taxes"), ids("пат", Language.RUSSIAN));
        assertTrue(ids("Шиносномаи хор", Language.TAJIK).contains("documents"));
    }

    @Test
    void everyWordMustMatch() {
        assertEquals(List.of("work-patent"), ids("патент работу", Language.RUSSIAN));
        assertEquals(List.of(), ids("патент ҳуҷҷат", Language.RUSSIAN));
    }

    @Test
    void anArticleComesBeforeShortChecklistLinesThatSayTheSame() {
        try (GuideStore other = GuideStore.open(temp.resolve("other"), clock)) {
            other.install(Packs.feed(1, List.of(new CountryPack("RU", Language.ENGLISH, List.of(
                    Packs.article("registration-15-days", Language.ENGLISH, "Register within 15 days",
                            "Citizens of Tajikistan may stay in Russia without migration registration for 15 days"
                                    + " after entry.", 1)),
                    List.of(),
                    List.of(Packs.checklist("first-days", Language.ENGLISH, "Your first days", List.of(
                            new tj.migrantsguide.guide.ChecklistItem("register", "Register."),
                            new tj.migrantsguide.guide.ChecklistItem("family", "Register the family."))))))));
            assertEquals("registration-15-days", other.search("register", Language.ENGLISH, 5).get(0).id());
        }
    }

    @Test
    void ranksTitleMatchesBeforeBodyMatches() {
        // "taxes" comes first in guide order and mentions the patent only in its body.
        assertEquals(List.of("work-patent", "taxes"), ids("патент", Language.RUSSIAN));
    }

    @Test
    void findsAPhoneNumberByItsDigitsWhateverTheSpacing() {
        List<SearchHit> hits = store.search("2270707", Language.TAJIK, 5);
        assertEquals("trafficking-hotline-227", hits.get(0).id());
        assertEquals(Language.TAJIK, hits.get(0).language());
        assertEquals("«227-07-07»-07", hits.get(0).excerpt().marked("«", "»"));
        assertEquals("trafficking-hotline-227", ids("227 07 07 07", Language.RUSSIAN).get(0));
        assertEquals("trafficking-hotline-227", ids("07-07-07", Language.RUSSIAN).get(0));
    }

    @Test
    void findsAnInternationalNumberTypedInGroups() {
        SearchHit hit = store.search("+7 495", Language.RUSSIAN, 5).get(0);
        assertEquals("ministry-office-moscow", hit.id());
        assertEquals("+«7(495»)967-98-44", hit.excerpt().marked("«", "»"));
        assertEquals("ministry-office-moscow", ids("967-98-44", Language.RUSSIAN).get(0));
        assertEquals("ministry-office-moscow", ids("84959679844".substring(1), Language.RUSSIAN).get(0));
    }

    @Test
    void showsTheCurrentLanguageFirstThenTheOthers() {
        List<SearchHit> hits = store.search("15", Language.ENGLISH, 20);
        assertEquals(Language.ENGLISH, hits.get(0).language());
        assertEquals(Set.of(Language.TAJIK, Language.RUSSIAN),
                Set.copyOf(hits.subList(1, hits.size()).stream().map(SearchHit::language).toList()));
        // A Russian word typed with Tajik chosen: found in Russian.
        assertEquals(Language.RUSSIAN, store.search("патент", Language.TAJIK, 5).get(0).language());
    }

    @Test
    void findsChecklistItemsAndOpensTheirChecklist() {
        SearchHit hit = store.search("заграничный", Language.RUSSIAN, 5).get(0);
        assertEquals(ItemKind.CHECKLIST_ITEM, hit.kind());
        assertEquals("foreign-passport", hit.id());
        assertEquals(new ItemRef(ItemKind.CHECKLIST, "RU", "before-you-leave"), hit.opens());
        assertEquals("Перед отъездом", hit.excerpt().text());
        SearchHit list = store.search("отъездом", Language.RUSSIAN, 5).get(0);
        assertEquals(ItemKind.CHECKLIST, list.kind());
    }

    @Test
    void findsOtherFormsOfTheWordsTyped() {
        assertEquals("registration-15-days", ids("учёте", Language.RUSSIAN).get(0));
        assertEquals("registration-15-days", ids("миграционном учете", Language.RUSSIAN).get(0));
        assertEquals("work-patent", ids("патента", Language.RUSSIAN).get(0));
        assertEquals("work-patent", ids("патентом", Language.RUSSIAN).get(0));
        assertEquals("registration-15-days", ids("registrations", Language.ENGLISH).get(0));
        assertEquals("documents", ids("ҳуҷҷат", Language.TAJIK).get(0));
        assertEquals("registration-15-days", ids("қайди муҳоҷиратии", Language.TAJIK).get(0));
        assertEquals("law", ids("қонуни", Language.TAJIK).get(0));
    }

    @Test
    void highlightsEveryFormOfTheWordLookedFor() {
        SearchHit hit = store.search("учёт", Language.RUSSIAN, 5).get(0);
        assertEquals("Встаньте на миграционный «учёт» в течение 15 дней", hit.title().marked("«", "»"));
        assertEquals("… в России без миграционного «учёта» 15 дней после въезда.", hit.excerpt().marked("«", "»"));
    }

    @Test
    void aMistypedWordFindsTheWordMeantAndSaysWhatItLookedFor() {
        SearchResults found = store.find("registraton", Language.ENGLISH, 20);
        assertEquals("registration-15-days", found.hits().get(0).id());
        assertEquals(Optional.of("registration"), found.didYouMean());
        SearchResults missing = store.find("хучат", Language.TAJIK, 20);
        assertEquals("documents", missing.hits().get(0).id());
        assertEquals(Optional.of("ҳуҷҷат"), missing.didYouMean());
        assertEquals("work-patent", ids("патенто работу", Language.RUSSIAN).get(0));
    }

    @Test
    void searchingSomeCountriesFindsWhatFilteringAllHitsWouldKeep() {
        store.install(Packs.feed(2, List.of(Packs.russia(), new Country("KZ", Map.of(Language.TAJIK, "Қазоқистон",
                Language.RUSSIAN, "Казахстан", Language.ENGLISH, "Kazakhstan"), 20)), List.of(
                Packs.russiaForSearch().get(1),
                new CountryPack("KZ", Language.RUSSIAN, List.of(new Article("kz-patent", "KZ", Stage.ABROAD,
                        Language.RUSSIAN, "Патент в Казахстане", "Патент на работу в Казахстане.", Packs.SOURCE,
                        Packs.VERIFIED, 1)), List.of(), List.of()))));
        List<String> all = store.search("патент", Language.RUSSIAN, 20).stream().map(h -> h.countryCode() + "/" + h.id())
                .toList();
        assertTrue(all.contains("KZ/kz-patent") && all.contains("RU/work-patent"), all.toString());
        for (Set<String> countries : List.of(Set.of("RU"), Set.of("KZ"), Set.of("RU", "KZ"), Set.of("UZ"))) {
            assertEquals(all.stream().filter(id -> countries.contains(id.substring(0, 2))).toList(),
                    store.search("патент", Language.RUSSIAN, 20, countries).stream()
                            .map(h -> h.countryCode() + "/" + h.id()).toList(), countries.toString());
        }
    }

    @Test
    void typoLookupsPreparedAheadAreRebuiltForNewContent() {
        store.prepareSearch();
        assertEquals(Optional.of("registration"), store.find("registraton", Language.ENGLISH, 20).didYouMean());
        store.install(Packs.feed(2, List.of(new CountryPack("RU", Language.ENGLISH, List.of(
                Packs.article("embassy", Language.ENGLISH, "Embassy in Moscow", "Where the embassy is.", 1)),
                List.of(), List.of()))));
        store.prepareSearch();
        SearchResults found = store.find("embasy", Language.ENGLISH, 20);
        assertEquals(List.of("embassy"), found.hits().stream().map(SearchHit::id).toList());
        assertEquals(Optional.of("embassy"), found.didYouMean());
        assertEquals(Optional.empty(), store.find("registraton", Language.ENGLISH, 20).didYouMean());
    }

    @Test
    void aDroppedDoubleLetterIsTheCorrectionBeforeOtherWordsOneEditAway() {
        try (GuideStore other = GuideStore.open(temp.resolve("other"), clock)) {
            other.install(Packs.feed(1, List.of(new CountryPack("RU", Language.TAJIK, List.of(
                    Packs.article("keep-passport", Language.TAJIK, "Шиносномаро худат нигоҳ доред",
                            "Шиносномаро худат нигоҳ доред.", 1),
                    Packs.article("papers", Language.TAJIK, "Ҳуҷҷат", "Ҳуҷҷатро гиред.", 2)),
                    List.of(), List.of()))));
            // «худат» is one letter from «хучат» too, and more common here.
            SearchResults found = other.find("хучат", Language.TAJIK, 20);
            assertEquals(List.of("papers"), found.hits().stream().map(SearchHit::id).toList());
            assertEquals(Optional.of("ҳуҷҷат"), found.didYouMean());
        }
        assertTrue(SearchIndex.doublesALetterOf("хуччат", "хучат"));
        assertFalse(SearchIndex.doublesALetterOf("худат", "хучат"));
    }

    @Test
    void shortWordsMustBeTypedRight() {
        // Four letters: no typo tolerance ("пат" is a prefix of патент, "ппат" is nobody's).
        assertEquals(List.of(), ids("ппат", Language.RUSSIAN));
        assertEquals(Optional.empty(), store.find("ппат", Language.RUSSIAN, 20).didYouMean());
    }

    @Test
    void aWordTypedRightIsNeverCorrected() {
        SearchResults found = store.find("патент", Language.RUSSIAN, 20);
        assertEquals(Optional.empty(), found.didYouMean());
        assertEquals(List.of("work-patent", "taxes"), found.hits().stream().map(SearchHit::id).toList());
    }

    @Test
    void snippetsShowTextNeverLinkMarkupAndLinkIdsAreNotSearched() {
        store.install(Packs.feed(2, List.of(new CountryPack("RU", Language.RUSSIAN, List.of(
                Packs.article("entry-ban", Language.RUSSIAN, "Запрет на въезд",
                        "Спросите в представительстве Министерства [[ministry-office-russia]] или в службе"
                                + " [[TJ/migration-service]].", 1)), List.of(), List.of()))));
        SearchHit hit = store.search("спросите", Language.RUSSIAN, 5).get(0);
        assertEquals("«Спросите» в представительстве Министерства или в службе.", hit.excerpt().marked("«", "»"));
        assertEquals(List.of(), ids("ministry", Language.RUSSIAN));
    }

    @Test
    void respectsTheLimit() {
        assertEquals(2, store.search("15", Language.TAJIK, 2).size());
        assertEquals(List.of(), store.search("15", Language.TAJIK, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"патент", "патент\"", "*", "патент*", "**", "NEAR", "NEAR(патент налог)",
        "-", "-патент", "патент -налог", "AND", "OR", "NOT", "патент AND OR NOT налог", "(", ")", "(патент",
        "{title}: патент", "title:патент", "^патент", "патент +", "🙂", "патент 🙂", "🧕🏽🇹🇯", "'; DROP TABLE article; --",
        "\u0000", "\\", "%", "_", "   ", "\t\n", "\u200b", "ѐ\u0301\u0301\u0301"})
    void hostileQueriesReturnNormally(String typed) {
        List<SearchHit> hits = store.search(typed, Language.RUSSIAN, 20);
        assertTrue(hits.size() <= 20);
        assertEquals(3, store.articles("RU", Language.RUSSIAN).size());
    }

    @Test
    void operatorsAndQuotesAreSearchedAsPlainWords() {
        assertEquals(List.of("work-patent", "taxes"), ids("\"патент\"", Language.RUSSIAN));
        assertEquals(List.of("work-patent"), ids("(патент) -работу*", Language.RUSSIAN));
        assertEquals(List.of(), ids("патент NOT работу", Language.RUSSIAN));
    }

    @Test
    void tenThousandCharactersReturnNormally() {
        String words = "патент ".repeat(1_500).substring(0, 10_000);
        assertEquals(10_000, words.length());
        assertEquals(List.of("work-patent", "taxes"), ids(words, Language.RUSSIAN));
        assertEquals(List.of(), ids("патент".repeat(1_700), Language.RUSSIAN));
        assertEquals(List.of(), ids("🙂".repeat(5_000), Language.RUSSIAN));
    }

    @Test
    void aContentUpdateKeepsTheIndexRightInTheSameTransaction() {
        List<CountryPack> packs = new ArrayList<>(Packs.russiaForSearch());
        CountryPack russian = packs.get(1);
        List<Article> articles = new ArrayList<>(russian.articles());
        articles.set(1, Packs.article("work-patent", Language.RUSSIAN, "Трудовой патент", "Новый текст.", 2));
        packs.set(1, new CountryPack("RU", Language.RUSSIAN, articles, russian.contacts(), russian.checklists()));
        Feed v2 = Packs.feed(2, packs);
        List<CountryPack> changed = List.of(packs.get(1));

        store.apply(new ContentUpdate(v2.index(), Optional.empty(), changed, Set.of("RU-en")));

        assertEquals(List.of("work-patent"), ids("трудовой", Language.RUSSIAN));
        assertEquals(List.of(), ids("работу", Language.RUSSIAN));
        assertTrue(store.search("register", Language.ENGLISH, 5).isEmpty());
        assertEquals("documents", ids("хуччат", Language.TAJIK).get(0));
    }

    @Test
    void withManyMatchesTitleMatchesStillComeFirst() {
        List<Article> articles = new ArrayList<>();
        int many = SearchIndex.RANKED_MATCHES_CAP + 100;
        for (int i = 0; i < many; i++) {
            articles.add(Packs.article("body-" + i, Language.RUSSIAN, "Статья " + i, "Про патент и работу.", i));
        }
        articles.add(Packs.article("title-1", Language.RUSSIAN, "Патент: как получить", "Текст.", many));
        articles.add(Packs.article("title-2", Language.RUSSIAN, "Продление: патент", "Текст.", many + 1));
        store.install(Packs.feed(2, List.of(new CountryPack("RU", Language.RUSSIAN, articles, List.of(),
                List.of()))));

        List<String> ids = ids("патент", Language.RUSSIAN);

        assertEquals(20, ids.size());
        assertEquals(Set.of("title-1", "title-2"), Set.copyOf(ids.subList(0, 2)));
        assertTrue(ids.subList(2, 20).stream().allMatch(id -> id.startsWith("body-")));
    }

    @Test
    void findsNothingForTextWithoutWords() {
        assertEquals(List.of(), store.search("  -- ** ", Language.TAJIK, 20));
        assertEquals(List.of(), ids("", Language.TAJIK));
    }

    @Test
    void countryListSortsByTheTajikAlphabet() {
        store.install(Packs.feed(2, List.of(Packs.russia(),
                new tj.migrantsguide.guide.Country("KZ", java.util.Map.of(Language.TAJIK, "Қазоқистон",
                        Language.RUSSIAN, "Казахстан", Language.ENGLISH, "Kazakhstan"), 20),
                new tj.migrantsguide.guide.Country("KW", java.util.Map.of(Language.TAJIK, "Кувайт",
                        Language.RUSSIAN, "Кувейт", Language.ENGLISH, "Kuwait"), 30)), List.of()));
        assertEquals(List.of("KW", "KZ", "RU"), store.countriesByName(Language.TAJIK).stream()
                .map(tj.migrantsguide.guide.Country::code).toList());
        assertEquals(List.of("KZ", "KW", "RU"), store.countriesByName(Language.RUSSIAN).stream()
                .map(tj.migrantsguide.guide.Country::code).toList());
    }
}
