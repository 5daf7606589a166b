package tj.migrantsguide.content.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.Rule.Severity;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Obligation;
import tj.migrantsguide.guide.RuleLength;

/**
 * The {@code rule} kind (content/SPEC.md, "Date rules"): the clean fixture plus one rule, copied from the real
 * content (Russia's 15 days, 004_48969e50023832c2.txt:31), then each mistake the linter must name.
 */
class RuleLintTest {
    @TempDir
    Path temp;

    private GuideFixture guide;

    private static final String RULE = """

            === rule register-stay-ru
            obliges: register-stay
            counts-from: entry
            length: 15 calendar-days
            article: registration-15-days
            contact: emergency-112
            title: %s
            missed: %s
            source: 004_48969e50023832c2.txt:31 | "without migration registration for 15 days after entry"
            verified: 2026-11-23
            ---
            %s
            """;

    private static final Map<String, String[]> TEXT = Map.of(
            "RU/en.txt", new String[] {"Register your stay", "You lose your legal status.",
                    "Citizens of Tajikistan may stay in Russia for 15 days after entry without migration registration."},
            "RU/ru.txt", new String[] {"Встаньте на миграционный учёт", "Вы теряете законный статус.",
                    "Граждане Таджикистана могут находиться в России без миграционного учёта 15 дней после въезда."},
            "RU/tg.txt", new String[] {"Ба қайди муҳоҷиратӣ гузошта шавед", "Шумо мақоми қонунии худро гум мекунед.",
                    "Шаҳрвандони Тоҷикистон метавонанд дар Федератсияи Россия 15 рӯз пас аз ворид шудан бе қайди"
                            + " муҳоҷиратӣ бошанд."});

    @BeforeEach
    void writeGuideWithARule() {
        guide = GuideFixture.in(temp);
        TEXT.forEach((file, text) -> guide.write(file, guide.read(file) + RULE.formatted(text[0], text[1], text[2])));
    }

    @Test
    void aWellFormedRuleLintsCleanAndReachesThePack() {
        assertEquals(List.of(), guide.lint());
        EditorialContent content = guide.load();
        DateRule rule = content.countryPacks().stream().filter(p -> p.language().code().equals("en")).findFirst()
                .orElseThrow().rules().get(0);
        assertEquals("register-stay-ru", rule.id());
        assertEquals(Obligation.REGISTER_STAY, rule.obligation());
        assertEquals(DateEvent.ENTRY, rule.countsFrom());
        assertEquals(new RuleLength.CalendarDays(15), rule.length());
        assertEquals("registration-15-days", rule.articleId());
        assertEquals(List.of("emergency-112"), rule.contactIds());
        assertEquals("You lose your legal status.", rule.missed());
    }

    @Test
    void refusesARuleWhoseArticleIsNoArticleOfItsCountry() {
        everywhere("article: registration-15-days", "article: registration-30-days");
        assertReported(guide.lint(), "rule-article", "RU/tg.txt", "article: registration-30-days");
    }

    @Test
    void refusesARuleThatNamesAContactAsItsArticle() {
        everywhere("article: registration-15-days", "article: emergency-112");
        assertReported(guide.lint(), "rule-article", "RU/tg.txt", "article: emergency-112");
    }

    @Test
    void refusesARuleWithoutArticle() {
        everywhere("article: registration-15-days\n", "");
        assertReported(guide.lint(), "rule-article", "RU/tg.txt", "=== rule register-stay-ru");
    }

    @Test
    void refusesAContactThatIsNotThere() {
        everywhere("contact: emergency-112", "contact: embassy-moscow");
        assertReported(guide.lint(), "rule-contact", "RU/tg.txt", "contact: embassy-moscow");
    }

    @Test
    void refusesNumbersOutsideOneToTenYears() {
        for (String length : List.of("0 calendar-days", "3651 calendar-days", "0 working-days",
                "90 days-in-any 3651", "181 days-in-any 180")) {
            guide = GuideFixture.in(temp.resolve(length.replace(' ', '_')));
            TEXT.forEach((file, text) -> guide.write(file, guide.read(file) + RULE.formatted(text[0], text[1],
                    text[2])));
            everywhere("length: 15 calendar-days", "length: " + length);
            assertReported(guide.lint(), "rule-number", "RU/tg.txt", "length: " + length);
        }
    }

    @Test
    void acceptsTheLimitsThemselves() {
        everywhere("length: 15 calendar-days", "length: 3650 days-in-any 3650");
        assertEquals(List.of(), guide.lint());
    }

    @Test
    void refusesALengthOfNoKnownShape() {
        everywhere("length: 15 calendar-days", "length: 15 days");
        assertReported(guide.lint(), "rule-format", "RU/tg.txt", "length: 15 days", 3);
    }

    @Test
    void refusesAnUnknownObligationOrEvent() {
        everywhere("obliges: register-stay", "obliges: register");
        everywhere("counts-from: entry", "counts-from: arrival");
        List<Problem> problems = guide.lint().stream().filter(p -> p.code().equals("rule-format")).toList();
        assertEquals(6, problems.size(), problems::toString);
    }

    @Test
    void refusesALengthThatDiffersBetweenLanguages() {
        guide.replace("RU/ru.txt", "length: 15 calendar-days", "length: 30 calendar-days");
        assertReported(guide.lint(), "translation-mismatch", "RU/ru.txt", "length: 30 calendar-days");
    }

    @Test
    void refusesARuleMissingFromOneLanguage() {
        String en = guide.read("RU/en.txt");
        guide.write("RU/en.txt", en.substring(0, en.indexOf("=== rule register-stay-ru")));
        List<Problem> problems = guide.lint();
        assertReported(problems, "missing-translation", "RU/tg.txt", "=== rule register-stay-ru");
    }

    @Test
    void refusesARuleWithoutWhatHappensWhenItIsMissed() {
        guide.replace("RU/en.txt", "missed: You lose your legal status.\n", "");
        assertReported(guide.lint(), "empty-text", "RU/en.txt", "=== rule register-stay-ru");
    }

    @Test
    void keepsTajikistansOwnRulesForForeignersOut() {
        // Tajikistan registers foreigners within 10 days of arrival (002_c822f97398750e5b.txt:403): not our
        // readers' rule. A TJ folder holding one is refused.
        guide.replace("countries.txt", "=== country RU", "=== country TJ\nname.tg: Тоҷикистон\nname.ru: Таджикистан\n"
                + "name.en: Tajikistan\norder: 0\n\n=== country RU");
        for (String language : List.of("tg", "ru", "en")) {
            String file = guide.read("RU/" + language + ".txt");
            guide.write("TJ/" + language + ".txt", file.replace("registration-15-days", "registration-10-days")
                    .replace("emergency-112", "emergency-112-tj").replace("before-you-leave", "before-you-leave-tj")
                    .replace("register-stay-ru", "register-stay-tj").replace("[[emergency-112-tj]]", ""));
        }
        List<Problem> problems = guide.lint();
        assertReported(problems, "home-country-rule", "TJ/tg.txt", "=== rule register-stay-tj");
        assertTrue(only(problems, "home-country-rule").isError());
    }

    // ---- helpers ----

    private void everywhere(String from, String to) {
        for (String file : TEXT.keySet()) {
            guide.replace(file, from, to);
        }
    }

    private void assertReported(List<Problem> problems, String rule, String file, String lineText) {
        assertReported(problems, rule, file, lineText, 1);
    }

    private void assertReported(List<Problem> problems, String rule, String file, String lineText, int count) {
        List<Problem> matching = problems.stream().filter(p -> p.code().equals(rule)).toList();
        assertEquals(count, matching.size(), () -> "expected " + count + " [" + rule + "] in " + problems);
        Path path = guide.guide.resolve(file);
        int line = guide.lineOf(file, lineText);
        if (matching.stream().noneMatch(p -> p.file().equals(path) && p.line() == line
                && p.severity() == Severity.ERROR)) {
            fail("expected error [" + rule + "] at " + file + ":" + line + "; got " + matching);
        }
    }

    private static Problem only(List<Problem> problems, String rule) {
        List<Problem> matching = problems.stream().filter(p -> p.code().equals(rule)).toList();
        assertEquals(1, matching.size(), () -> "expected one [" + rule + "] in " + problems);
        return matching.get(0);
    }
}
