package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TyposTest {
    private static final Typos VOCABULARY = Typos.of(List.of("registration", "passport", "patent", "хуччат",
            "регистрация", "консульство", "посольство", "work", "embassy", "migration", "migrations"));

    private static List<String> near(String typed) {
        return VOCABULARY.near(typed).stream().map(Typos.Near::word).toList();
    }

    @Test
    void oneEditFromFiveLettersOn() {
        assertEquals(List.of("passport"), near("pasport"));      // a letter missed
        assertEquals(List.of("хуччат"), near("хучат"));
        assertEquals(List.of("passport"), near("passpotr"));     // two neighbours swapped
        assertEquals(List.of("patent"), near("patemt"));         // a letter changed
        assertEquals(List.of(), near("wrok"));                   // 4 letters: typed right or not at all
    }

    @Test
    void twoEditsFromNineLettersOn() {
        assertEquals(List.of("registration"), near("registraton"));
        assertEquals(List.of("registration"), near("rejistraton"));
        assertEquals(List.of("регистрация"), near("регестрацыя"));
        assertEquals(List.of(), near("pasprot")); // 7 letters, two edits from passport
    }

    @Test
    void nearestComeFirst() {
        List<Typos.Near> found = VOCABULARY.near("migratione");
        assertEquals("migration", found.get(0).word());
        assertEquals(1, found.get(0).edits());
        assertTrue(found.stream().anyMatch(n -> n.word().equals("migrations")));
    }

    @Test
    void findsWhatABruteForceScanFinds() {
        Random random = new Random(3);
        String letters = "абвгдежзиклмнопрст";
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            words.add(randomWord(random, letters, 4 + random.nextInt(9)));
        }
        Typos typos = Typos.of(words);
        for (int q = 0; q < 300; q++) {
            String typed = mistyped(words.get(random.nextInt(words.size())), random, letters);
            int allowed = Typos.allowedEdits(typed);
            List<String> expected = words.stream().distinct()
                    .filter(w -> Typos.distance(typed, w, allowed) <= allowed && allowed > 0).sorted().toList();
            List<String> got = typos.near(typed).stream().map(Typos.Near::word).sorted().toList();
            assertEquals(expected, got, typed);
        }
    }

    @Test
    void distanceCountsASwapAsOneEdit() {
        assertEquals(1, Typos.distance("ab", "ba", 2));
        assertEquals(2, Typos.distance("kitten", "sittin", 3));
        assertEquals(3, Typos.distance("kitten", "sitting", 2)); // more than max: max + 1
    }

    private static String randomWord(Random random, String letters, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(letters.charAt(random.nextInt(letters.length())));
        }
        return out.toString();
    }

    private static String mistyped(String word, Random random, String letters) {
        StringBuilder out = new StringBuilder(word);
        for (int edits = random.nextInt(3); edits > 0 && out.length() > 1; edits--) {
            int at = random.nextInt(out.length());
            switch (random.nextInt(3)) {
                case 0 -> out.deleteCharAt(at);
                case 1 -> out.insert(at, letters.charAt(random.nextInt(letters.length())));
                default -> out.setCharAt(at, letters.charAt(random.nextInt(letters.length())));
            }
        }
        return out.toString();
    }
}
