package tj.migrantsguide.content.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The word-level checks on their own: what they catch, where, and what they leave alone. */
class TextChecksTest {
    @Test
    void findsEachLatinLetterDisguisedInACyrillicWordAndGivesItsOffset() {
        // «Вазoрати» with a Latin o, as on the fake Ministry of Finance pages (glossary.md §8)
        List<TextChecks.Finding> findings = TextChecks.mixedScripts("Сомонаи Вазoрати Молия");
        assertEquals(1, findings.size());
        assertEquals(8, findings.get(0).offset());
        assertTrue(findings.get(0).message().contains("Latin o"), findings.get(0).message());
    }

    @Test
    void leavesWholeLatinWordsAndWholeCyrillicWordsAlone() {
        assertEquals(List.of(), TextChecks.mixedScripts("Unistream ва Western Union, сомонаи diaspora.tj, EPS."));
    }

    @Test
    void catchesAShortenedGlossaryFormOnlyAsAWholeWord() {
        assertEquals(1, TextChecks.tajik("дар қайди муҳоҷират гузошта").size());
        assertEquals(List.of(), TextChecks.tajik("ба қайди муҳоҷиратӣ гузошта шавед"));
    }

    @Test
    void catchesAGlossaryFormWithAnEndingAndInCapitals() {
        assertEquals("glossary-term", TextChecks.tajik("ба Русияро").get(0).rule().code());
        assertEquals("glossary-term", TextChecks.tajik("ЧУМХУРИИ ТОЧИКИСТОН").get(0).rule().code());
    }

    @Test
    void tellsTajikTextFromRussianByItsLetters() {
        assertTrue(TextChecks.hasTajikLetter("Қатар"));
        assertFalse(TextChecks.hasTajikLetter("Катар"));
        assertEquals(5, TextChecks.cyrillicLetters("Катар, EPS"));
    }
}
