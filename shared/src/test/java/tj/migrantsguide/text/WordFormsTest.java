package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.guide.Language;

class WordFormsTest {
    private static String stem(String word, Language language) {
        return WordForms.of(language).stem(Folding.fold(word));
    }

    private static void sameStem(Language language, String... words) {
        String first = stem(words[0], language);
        for (String word : words) {
            assertEquals(first, stem(word, language), word + " should share the stem of " + words[0]);
        }
    }

    @Test
    void russianFormsOfAWordShareTheirStem() {
        sameStem(Language.RUSSIAN, "регистрация", "регистрации", "регистрацию", "регистрацией");
        sameStem(Language.RUSSIAN, "патент", "патента", "патентом", "патенты", "патентов");
        sameStem(Language.RUSSIAN, "учёт", "учёте", "учета", "учет");
        sameStem(Language.RUSSIAN, "паспорт", "паспорта", "паспортом");
        sameStem(Language.RUSSIAN, "разрешение", "разрешения", "разрешением");
    }

    @Test
    void englishFormsOfAWordShareTheirStem() {
        sameStem(Language.ENGLISH, "registration", "registrations");
        sameStem(Language.ENGLISH, "permit", "permits");
        sameStem(Language.ENGLISH, "country", "countries");
        sameStem(Language.ENGLISH, "working", "works", "work");
    }

    @Test
    void aRussianOrEnglishStemIsAStartOfItsWordSoTypingStillFindsIt() {
        for (String word : List.of("регистрации", "миграционный", "консульство", "посольства")) {
            assertEquals(true, Folding.fold(word).startsWith(stem(word, Language.RUSSIAN)), word);
        }
        for (String word : List.of("registration", "embassy", "consulate", "passports")) {
            assertEquals(true, word.startsWith(stem(word, Language.ENGLISH).substring(0, 4)), word);
        }
    }

    @Test
    void wordsWithDigitsStayAsTheyAre() {
        assertEquals("15дней", WordForms.of(Language.RUSSIAN).stem("15дней"));
        assertEquals("2019", WordForms.of(Language.TAJIK).stem("2019"));
    }

    @Test
    void differentWordsKeepDifferentStems() {
        Set<String> stems = new HashSet<>();
        List<String> words = List.of("патент", "паспорт", "посольство", "консульство", "регистрация", "учёт",
                "работа", "зарплата", "договор", "карта");
        for (String word : words) {
            stems.add(stem(word, Language.RUSSIAN));
        }
        assertEquals(words.size(), stems.size());
        assertNotEquals(stem("муҳоҷир", Language.TAJIK), stem("муҳоҷират", Language.TAJIK));
    }
}
