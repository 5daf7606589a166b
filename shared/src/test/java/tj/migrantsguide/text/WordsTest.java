package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordsTest {
    @Test
    void splitsOnAnythingButLettersAndDigitsAndKeepsPlacesInTheOriginal() {
        String text = "Ҳуҷҷат: 15-рӯз (ID)!";
        List<Words.Word> words = Words.of(text);
        assertEquals(List.of("хуччат", "15", "руз", "id"), words.stream().map(Words.Word::folded).toList());
        assertEquals("Ҳуҷҷат", text.substring(words.get(0).start(), words.get(0).end()));
        assertEquals("рӯз", text.substring(words.get(2).start(), words.get(2).end()));
    }

    @Test
    void combiningMarksStayInsideTheirWord() {
        List<Words.Word> words = Words.of("доро\u0301га и\u0304");
        assertEquals(List.of("дорога", "и"), words.stream().map(Words.Word::folded).toList());
        assertEquals("доро\u0301га".length(), words.get(0).end());
    }

    @Test
    void indexTextIsTheFoldedWordsJoinedBySpaces() {
        assertEquals("конуни мехнат 2024", Words.indexText("  Қонуни «Меҳнат» — 2024. "));
        assertEquals("", Words.indexText(" \"*\" -- () 🙂 "));
    }
}
