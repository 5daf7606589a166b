package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.questions.Topic;

/** The desk's words: every key in Tajik, Russian and English; Tajik in its own letters. */
class DeskTextTest {
    @Test
    void everyKeyOfTheDeskExistsInAllThreeLanguages() {
        Set<String> english = DeskText.keys(DeskText.Language.EN);
        assertTrue(english.size() > 30, english.toString());
        for (DeskText.Language language : DeskText.Language.values()) {
            assertEquals(english, DeskText.keys(language), language + " against en");
            for (String key : english) {
                assertFalse(DeskText.of(language).get(key).isBlank(), language + " " + key);
            }
            for (Topic topic : Topic.values()) {
                assertFalse(DeskText.of(language).topic(topic).isBlank());
            }
        }
    }

    @Test
    void tajikUsesItsOwnLettersAndTheGlossarysTerms() {
        StringBuilder all = new StringBuilder();
        for (String key : DeskText.keys(DeskText.Language.TG)) {
            all.append(DeskText.of(DeskText.Language.TG).get(key)).append('\n');
        }
        String tajik = all.toString();
        assertFalse(tajik.matches("(?s).*[ўњљќїѓ].*"), "old-font or Russian stand-ins: " + tajik);
        assertFalse(tajik.matches("(?s).*(\\p{IsCyrillic}[A-Za-z]|[A-Za-z]\\p{IsCyrillic}).*"), "Latin inside words");
        assertTrue(tajik.contains("муҳоҷири меҳнатӣ") && tajik.contains("Вазорати меҳнат, муҳоҷират ва шуғли аҳолӣ"));
        for (char letter : "ғӣқӯҳҷ".toCharArray()) {
            assertTrue(tajik.indexOf(letter) >= 0, "uses " + letter);
        }
    }
}
