package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Words#indexText} folds words straight into one builder for speed; what it writes must stay exactly the
 * words of {@link Words#of}, folded, joined by single spaces (the index and the search must agree).
 */
class IndexTextPropertiesTest {
    private static String joined(String text) {
        return Words.of(text).stream().map(Words.Word::folded).collect(Collectors.joining(" "));
    }

    @Property(tries = 2000)
    void indexTextIsTheFoldedWordsJoined(@ForAll("guideLikeText") String text) {
        assertEquals(joined(text), Words.indexText(text));
    }

    @Property(tries = 1000)
    void indexTextAgreesOnAnyText(@ForAll String text) {
        assertEquals(joined(text), Words.indexText(text));
    }

    @Example
    void foldsTajikMarkedAndMixedWords() {
        String text = "Ҳуҷҷат, ҚОНУН ё ғайра: café ЇЖАК й\u0306 x\u0301 — 8-800 🙂 ѐ";
        assertEquals(joined(text), Words.indexText(text));
        assertEquals("хуччат конун е гайра cafe іжак", Words.indexText("Ҳуҷҷат, ҚОНУН ё ғайра: café ЇЖАК"));
    }

    /** Latin, Cyrillic with the Tajik letters, precomposed and combining marks, digits, spaces, punctuation. */
    @Provide
    Arbitrary<String> guideLikeText() {
        return Arbitraries.strings()
                .withCharRange('a', 'z').withCharRange('A', 'Z')
                .withCharRange('\u0400', '\u04FF')
                .withChars("ғӣқӯҳҷҒӢҚӮҲҶёЁйЙéÉüÜ0123456789 ,.:;-—«»()\n\t\u0301\u0306\u0308\u00AD\u200B")
                .ofMaxLength(80);
    }
}
