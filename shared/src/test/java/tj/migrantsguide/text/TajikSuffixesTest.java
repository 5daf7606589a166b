package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Word by word: each written form (as the guide and its readers write it) and the stem it must reduce to. */
class TajikSuffixesTest {
    private static void check(Map<String, String> expected) {
        expected.forEach((word, stem) -> assertEquals(Folding.fold(stem), TajikSuffixes.stem(Folding.fold(word)),
                word));
    }

    @Test
    void pluralsLoseTheirMarker() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("ҳуҷҷатҳо", "ҳуҷҷат");
        words.put("китобҳо", "китоб");
        words.put("обҳо", "об");
        words.put("муҳоҷирон", "муҳоҷир");
        words.put("коргарон", "коргар");
        words.put("бачагон", "бача");
        words.put("моҳиён", "моҳ");
        check(words);
    }

    @Test
    void izofaAndTheAdjectiveEndingAreCut() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("ҳуҷҷати", "ҳуҷҷат");
        words.put("бақайдгирӣ", "бақайдгир");
        words.put("бақайдгирии", "бақайдгир");
        words.put("муҳоҷиратӣ", "муҳоҷират");
        words.put("муҳоҷиратии", "муҳоҷират");
        words.put("корти", "корт");
        words.put("ҷойи", "ҷой");
        words.put("хонаи", "хона");
        words.put("Федератсияи", "Федератсия");
        check(words);
    }

    @Test
    void suffixesStackInTheGrammarsOrder() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("ҳуҷҷатро", "ҳуҷҷат");
        words.put("ҳуҷҷатҳоро", "ҳуҷҷат");
        words.put("ҳуҷҷатҳои", "ҳуҷҷат");
        words.put("китобҳоятонро", "китоб");
        words.put("муҳоҷирони", "муҳоҷир");
        words.put("патентро", "патент");
        words.put("муҳоҷире", "муҳоҷир");
        check(words);
    }

    @Test
    void shortWordsAndWordsWithoutTheseEndingsStay() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("ки", "ки");
        words.put("бо", "бо");
        words.put("қайд", "қайд");
        words.put("патент", "патент");
        words.put("Россия", "Россия");
        words.put("хона", "хона");
        words.put("ҳуҷҷат", "ҳуҷҷат");
        words.put("муҳоҷират", "муҳоҷират");
        check(words);
    }

    @Test
    void writtenAndRussianKeyboardFormsShareTheStem() {
        assertEquals(TajikSuffixes.stem(Folding.fold("бақайдгирӣ")), TajikSuffixes.stem(Folding.fold("бакайдгири")));
        assertEquals(TajikSuffixes.stem(Folding.fold("ҳуҷҷатҳо")), TajikSuffixes.stem(Folding.fold("хуччатхо")));
    }
}
