package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FoldingTest {
    @ParameterizedTest(name = "{0} folds to {1}")
    @CsvSource({
        "ғ, г", "Ғ, г",
        "ӣ, и", "Ӣ, и",
        "қ, к", "Қ, к",
        "ӯ, у", "Ӯ, у",
        "ҳ, х", "Ҳ, х",
        "ҷ, ч", "Ҷ, ч",
        "ё, е", "Ё, е",
        "ў, у", "Ў, у",
        "һ, х", "Һ, х",
        "ҹ, ч", "Ҹ, ч",
        "й, й", "Й, й",
        "Ж, ж", "Я, я",
        "A, a", "é, e", "Ñ, n", "ї, і",
    })
    void foldsEveryLetterOfTheTable(String letter, String folded) {
        assertEquals(folded, Folding.fold(letter));
    }

    @Test
    void aWordTypedWithoutTajikLettersEqualsTheTajikWord() {
        assertEquals(Folding.fold("хуччат"), Folding.fold("ҳуҷҷат"));
        assertEquals(Folding.fold("конун"), Folding.fold("ҚОНУН"));
        assertEquals("шиносномаи хоричи", Folding.fold("Шиносномаи хориҷӣ"));
    }

    @Test
    void decomposedInputFoldsLikeComposedInput() {
        String decomposed = Normalizer.normalize("ӣ ӯ й ё Ўзбек", Normalizer.Form.NFD);
        assertEquals("и у й е узбек", Folding.fold(decomposed));
    }

    @Test
    void stressMarksDisappearWithoutSplittingTheWord() {
        assertEquals("дорога", Folding.fold("доро\u0301га"));
    }

    @Test
    void leavesPunctuationDigitsAndSpacesAlone() {
        assertEquals("227-07-07-07, «ok»!", Folding.fold("227-07-07-07, «OK»!"));
    }
}
