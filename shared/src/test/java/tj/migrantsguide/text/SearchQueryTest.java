package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchQueryTest {
    @Test
    void theLastWordIsAPrefixAndShortWordsBeforeItAreWhole() {
        SearchQuery query = SearchQuery.parse("Шиносномаи ба ҳуҷ");
        assertEquals(List.of(new SearchQuery.Term("шиносномаи", true), new SearchQuery.Term("ба", false),
                new SearchQuery.Term("хуч", true)), query.terms());
    }

    @Test
    void aLoneLetterIsMatchedWhole() {
        assertEquals(List.of(new SearchQuery.Term("а", false)), SearchQuery.parse("а").terms());
        assertEquals(List.of(new SearchQuery.Term("ко", true)), SearchQuery.parse("Қо").terms());
    }

    @Test
    void engineSyntaxBecomesPlainWords() {
        SearchQuery query = SearchQuery.parse("\"patent\" NEAR(tax* -fine) OR NOT x:y");
        assertEquals(List.of("patent", "near", "tax", "fine", "or", "not", "x", "y"),
                query.terms().stream().map(SearchQuery.Term::text).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"\"", "*", "-", "()", "🙂🙂", "^:+"})
    void textWithoutWordsIsAnEmptyQuery(String typed) {
        assertTrue(SearchQuery.parse(typed).isEmpty());
    }

    @Test
    void veryLongInputIsCutToAFewWords() {
        SearchQuery query = SearchQuery.parse("ҳуҷҷат ".repeat(2000));
        assertEquals(SearchQuery.MAX_TERMS, query.terms().size());
        assertTrue(SearchQuery.parse("🙂".repeat(5000)).isEmpty());
    }

    @Test
    void aNumberTypedInGroupsAlsoCarriesItsJoinedDigits() {
        assertEquals(Optional.of("7495"), SearchQuery.parse("+7 495").phoneDigits());
        assertEquals(Optional.empty(), SearchQuery.parse("2270707").phoneDigits());
    }

    @Test
    void highlightsWordsThatStartWithAPrefixTerm() {
        SearchQuery query = SearchQuery.parse("конун");
        assertTrue(query.matches(Folding.fold("қонунҳо")));
    }
}
