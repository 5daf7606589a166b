package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.guide.Language;

class AlphabetTest {
    @Test
    void sortsTajikLettersRightAfterTheirBaseLetter() {
        List<String> names = new ArrayList<>(List.of("Ҳиндустон", "Қазоқистон", "Ғазна", "Ӯзбекистон", "Хитой",
                "Кувайт", "Гурҷистон", "Украина", "Ёва", "Ерон", "Иордания", "Ӣ", "Йемен", "Чин", "Ҷопон", "Шветсия"));
        Collections.shuffle(names, new java.util.Random(7));
        names.sort(Alphabet.order(Language.TAJIK));
        assertEquals(List.of("Гурҷистон", "Ғазна", "Ерон", "Ёва", "Иордания", "Ӣ", "Йемен", "Кувайт", "Қазоқистон",
                "Украина", "Ӯзбекистон", "Хитой", "Ҳиндустон", "Чин", "Ҷопон", "Шветсия"), names);
    }

    @Test
    void caseAndDecompositionDoNotChangeTheTajikOrder() {
        var order = Alphabet.order(Language.TAJIK);
        assertTrue(order.compare("ҳа", "Ха") > 0);
        assertEquals(0, order.compare(Normalizer.normalize("Ӣ", Normalizer.Form.NFD), "Ӣ"));
    }

    @Test
    void russianOrderIsTheRussianOne() {
        List<String> names = new ArrayList<>(List.of("Япония", "Ёлка", "Есть", "Австрия", "Ель"));
        names.sort(Alphabet.order(Language.RUSSIAN));
        // Russian dictionaries file ё with е.
        assertEquals(List.of("Австрия", "Ёлка", "Ель", "Есть", "Япония"), names);
    }
}
