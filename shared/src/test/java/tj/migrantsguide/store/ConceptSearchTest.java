package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.guide.Concept;
import tj.migrantsguide.guide.Language;

/** The concept table (synonyms) applied at query time, over a real content.db installed from a feed. */
class ConceptSearchTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    static final Concept REGISTRATION = new Concept("registration", Map.of(
            Language.TAJIK, List.of("бақайдгирӣ", "қайд", "қайди муҳоҷиратӣ"),
            Language.RUSSIAN, List.of("регистрация", "миграционный учёт", "прописка"),
            Language.ENGLISH, List.of("registration", "migration registration")));
    static final Concept WORK_PERMIT = new Concept("work-permit", Map.of(
            Language.TAJIK, List.of("иҷозат барои кор", "патент"),
            Language.RUSSIAN, List.of("разрешение на работу", "патент"),
            Language.ENGLISH, List.of("work permit", "patent")));
    static final Concept HOTLINE = new Concept("hotline", Map.of(
            Language.TAJIK, List.of("хати боварӣ", "телефони боварӣ"),
            Language.RUSSIAN, List.of("горячая линия", "телефон доверия"),
            Language.ENGLISH, List.of("hotline", "helpline")));

    @TempDir
    Path temp;

    private GuideStore store;

    @BeforeEach
    void installContent() {
        store = GuideStore.open(temp.resolve("data"), clock);
        store.install(Packs.feed(1, new CommonPack(List.of(Packs.russia()), List.of(REGISTRATION, WORK_PERMIT,
                HOTLINE)), Packs.russiaForSearch()));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> ids(String text, Language language) {
        return store.search(text, language, 20).stream().map(SearchHit::id).toList();
    }

    private String first(String text, Language language) {
        SearchHit hit = store.search(text, language, 5).get(0);
        return hit.id() + "/" + hit.language().code();
    }

    @Test
    void anEverydayTajikWordNoItemHasFindsTheItemsOfItsConcept() {
        // No item says «бақайдгирӣ»: the Tajik text says «қайди муҳоҷиратӣ».
        assertEquals("registration-15-days/tg", first("бакайдгири", Language.TAJIK));
        assertEquals("registration-15-days/tg", first("бақайдгирӣ", Language.TAJIK));
    }

    @Test
    void aWordOfAnyLanguageFindsTheItemsInThePersonsLanguageFirst() {
        assertEquals("registration-15-days/ru", first("регистрации", Language.RUSSIAN));
        assertEquals("registration-15-days/tg", first("регистрация", Language.TAJIK));
        assertEquals("registration-15-days/en", first("прописка", Language.ENGLISH));
        assertEquals("registration-15-days/ru", first("registration", Language.RUSSIAN));
    }

    @Test
    void aPhraseOfAConceptIsMatchedAsAWholeBeforeItsWords() {
        // «разрешение на работу» stands for the work permit: the article titled «Патент на работу» comes first.
        assertEquals("work-patent/ru", first("разрешение на работу", Language.RUSSIAN));
        assertEquals("work-patent/ru", first("work permit", Language.ENGLISH));
        // The hotline's name says «горячая линия»; so does the checklist item about saving its number.
        assertTrue(ids("телефон доверия", Language.RUSSIAN).subList(0, 2).contains("trafficking-hotline-227"));
        assertTrue(ids("helpline", Language.TAJIK).subList(0, 2).contains("trafficking-hotline-227"));
    }

    @Test
    void aConceptWordWithOtherWordsStillNeedsTheOtherWords() {
        assertEquals(List.of("registration-15-days"), ids("регистрация 15", Language.RUSSIAN).stream().distinct()
                .toList());
        assertEquals(List.of(), ids("регистрация патента", Language.RUSSIAN));
    }

    @Test
    void theWordBeingTypedMatchesAConceptFromFiveLetters() {
        assertEquals("registration-15-days/tg", first("бакайдг", Language.TAJIK));
        assertTrue(ids("бака", Language.TAJIK).isEmpty(), "four letters stand for no concept");
    }

    @Test
    void theHitsHighlightTheSynonymsFound() {
        SearchHit hit = store.search("прописка", Language.RUSSIAN, 5).get(0);
        assertEquals("Встаньте на «миграционный» «учёт» в течение 15 дней", hit.title().marked("«", "»"));
    }

    @Test
    void aNewCommonPackReplacesTheConceptTable() {
        assertEquals("registration-15-days/tg", first("бакайдгири", Language.TAJIK));
        store.install(Packs.feed(2, new CommonPack(List.of(Packs.russia()), List.of(WORK_PERMIT)),
                Packs.russiaForSearch()));
        assertEquals(List.of(), ids("бакайдгири", Language.TAJIK));
        assertEquals("work-patent/ru", first("разрешение на работу", Language.RUSSIAN));
    }
}
