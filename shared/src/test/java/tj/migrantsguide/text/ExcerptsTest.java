package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExcerptsTest {
    @Test
    void highlightsTheOriginalTajikWordForAQueryTypedWithoutTajikLetters() {
        Highlighted h = Excerpts.whole("Ҳуҷҷатҳои зарурӣ", SearchQuery.parse("хуччат"));
        assertEquals("«Ҳуҷҷатҳои» зарурӣ", h.marked("«", "»"));
    }

    @Test
    void cutsALongTextAroundTheFirstMatchAtWordBoundaries() {
        String body = "Один два три четыре пять шесть семь восемь девять десять. Регистрация нужна в течение "
                + "15 дней после въезда.\n\nОпоздание грозит штрафом и запретом въезда на несколько лет вперёд.";
        Highlighted h = Excerpts.around(body, SearchQuery.parse("регистрац"), 60);
        assertEquals("… семь восемь девять десять. «Регистрация» нужна в течение 15 …", h.marked("«", "»"));
    }

    @Test
    void showsTheOpeningWhenNothingInTheTextMatches() {
        Highlighted h = Excerpts.around("Первая строка.\nВторая строка.", SearchQuery.parse("патент"), 140);
        assertEquals("Первая строка. Вторая строка.", h.text());
        assertFalse(h.hasHighlight());
    }

    @Test
    void highlightsTypedDigitsInThePrintedNumber() {
        Optional<Highlighted> h = Excerpts.phone("", "227-07-07-07", SearchQuery.parse("2270707"));
        assertEquals("«227-07-07»-07", h.orElseThrow().marked("«", "»"));
        Optional<Highlighted> group = Excerpts.phone("", "227-07-07-07", SearchQuery.parse("07 07"));
        assertEquals("227-«07-07»-07", group.orElseThrow().marked("«", "»"));
    }

    @Test
    void showsTheDialledFormWhenOnlyItMatches() {
        Optional<Highlighted> h = Excerpts.phone("+74959679844", "8 (495) 967-98-44", SearchQuery.parse("+7 495"));
        assertEquals("8 (495) 967-98-44 (+«7495»9679844)", h.orElseThrow().marked("«", "»"));
        assertTrue(Excerpts.phone("", "227-07-07-07", SearchQuery.parse("555")).isEmpty());
    }
}
