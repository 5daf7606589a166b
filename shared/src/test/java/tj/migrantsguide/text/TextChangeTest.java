package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.text.TextChange.Mark;
import tj.migrantsguide.text.TextChange.Part;

class TextChangeTest {
    @Test
    void aReplacedWordIsStruckAndItsReplacementAddedInPlace() {
        TextChange change = TextChange.between("Register within 15 days of entry.", "Register within 30 days of entry.");

        assertEquals(List.of(new Part("Register within ", Mark.KEPT), new Part("15", Mark.REMOVED),
                new Part("30", Mark.ADDED), new Part(" days of entry.", Mark.KEPT)), change.parts());
        assertEquals("Register within [-15-]{+30+} days of entry.", change.marked());
    }

    @Test
    void tajikWordsWithTheirOwnLettersAreWholeWords() {
        TextChange change = TextChange.between("Дар давоми 15 рӯз ба қайд гузоред", "Дар давоми 15 рӯзи корӣ ба қайд гузоред");

        assertEquals("Дар давоми 15 [-рӯз-]{+рӯзи корӣ+} ба қайд гузоред", change.marked());
    }

    @Test
    void beforeAndAfterGiveBackBothTexts() {
        String before = "Call 227-07-07-07, free of charge.";
        String after = "Call 227-07-07-08 (free) or write.";
        TextChange change = TextChange.between(before, after);

        assertEquals(before, change.before());
        assertEquals(after, change.after());
        assertTrue(change.changed());
    }

    @Test
    void equalTextsAreAllKept() {
        TextChange change = TextChange.between("Same text.", "Same text.");

        assertFalse(change.changed());
        assertEquals(List.of(new Part("Same text.", Mark.KEPT)), change.parts());
    }

    @Test
    void aroundKeepsAFewWordsOfContextAndCutsTheRest() {
        String start = "one two three four five six seven eight nine ten ";
        TextChange change = TextChange.between(start + "old end.", start + "new end.");

        assertEquals("… eight nine ten [-old-]{+new+} end.", change.around(3).marked());
    }
}
