package tj.migrantsguide.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.TestRules;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.RuleLength;

/** Date rules in a country pack: written only where a pack has them, read back whole, refused by name when wrong. */
class DateRuleCodecTest {
    private static final JsonMapper JSON = new JsonMapper();

    private static CountryPack withRules(RuleLength... lengths) {
        List<tj.migrantsguide.guide.DateRule> rules = java.util.Arrays.stream(lengths)
                .map(l -> TestRules.russia(Language.RUSSIAN, l)).toList();
        return new CountryPack("RU", Language.RUSSIAN, List.of(), List.of(), List.of(), rules);
    }

    @Test
    void everyKindOfLengthIsReadBackAsWritten() throws Exception {
        for (RuleLength length : List.of(new RuleLength.CalendarDays(15), new RuleLength.WorkingDays(7),
                new RuleLength.Monthly(), new RuleLength.DaysInAny(90, 180))) {
            CountryPack pack = withRules(length);
            assertEquals(pack, FeedCodec.readCountryPack("packs/x.json", FeedCodec.writeCountryPack(pack)));
        }
    }

    @Test
    void aPackWithoutRulesIsWrittenAsBeforeRulesExisted() {
        CountryPack pack = new CountryPack("RU", Language.RUSSIAN, List.of(), List.of(), List.of());
        String json = new String(FeedCodec.writeCountryPack(pack), StandardCharsets.UTF_8);
        assertFalse(json.contains("rules"), json);
        assertEquals(List.of(), assertRead(json).rules());
    }

    @Test
    void refusesAnUnknownObligationEventOrLengthByName() throws Exception {
        assertTrue(problemWith("obliges", "register").contains("unknown obligation 'register'"));
        assertTrue(problemWith("counts_from", "arrival").contains("unknown event 'arrival'"));
        assertTrue(problemWith("length", "15 days").contains("unreadable length '15 days'"));
        assertTrue(problemWith("length", "0 calendar-days").contains("unreadable length '0 calendar-days'"));
        assertTrue(problemWith("length", "3651 working-days").contains("unreadable length"));
    }

    @Test
    void refusesRulesThatAreNotAList() throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(FeedCodec.writeCountryPack(withRules(new RuleLength.Monthly())));
        tree.put("rules", "none");
        assertEquals("field 'rules' must be a list", assertThrows(FeedFormatException.class,
                () -> FeedCodec.readCountryPack("packs/x.json", JSON.writeValueAsBytes(tree))).problem());
    }

    private static String problemWith(String field, String value) throws Exception {
        ObjectNode tree = (ObjectNode) JSON.readTree(FeedCodec.writeCountryPack(withRules(new RuleLength.Monthly())));
        ((ObjectNode) tree.get("rules").get(0)).put(field, value);
        byte[] bytes = JSON.writeValueAsBytes(tree);
        return assertThrows(FeedFormatException.class, () -> FeedCodec.readCountryPack("packs/x.json", bytes))
                .problem();
    }

    private static CountryPack assertRead(String json) {
        try {
            return FeedCodec.readCountryPack("packs/x.json", json.getBytes(StandardCharsets.UTF_8));
        } catch (FeedFormatException e) {
            throw new AssertionError(e);
        }
    }
}
