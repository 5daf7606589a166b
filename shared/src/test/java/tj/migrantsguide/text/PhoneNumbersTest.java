package tj.migrantsguide.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {
    @Test
    void aPrintedNumberIsFoundByAllItsDigitsAndFromEachGroupOn() {
        assertEquals(List.of("227070707", "070707", "0707"), PhoneNumbers.searchTokens("", "227-07-07-07"));
    }

    @Test
    void aDialledNumberAddsItsInternationalDigits() {
        assertEquals(List.of("74959679844", "84959679844", "4959679844", "9679844", "9844"),
                PhoneNumbers.searchTokens("+74959679844", "8 (495) 967-98-44"));
    }

    @Test
    void numbersTypedInGroupsAreRecognisedButWordsAndSingleRunsAreNot() {
        assertTrue(PhoneNumbers.looksLikeSplitNumber("+7 495"));
        assertTrue(PhoneNumbers.looksLikeSplitNumber("(37) 221-00"));
        assertFalse(PhoneNumbers.looksLikeSplitNumber("2270707"));
        assertFalse(PhoneNumbers.looksLikeSplitNumber("15 рӯз"));
        assertFalse(PhoneNumbers.looksLikeSplitNumber(" - "));
    }
}
