package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestRules;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.RuleLength;

/** The feed's date rules in content.db: installed with their pack, replaced with it, gone with it. */
class DateRuleStoreTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private static CountryPack russia(Language language, RuleLength length) {
        return new CountryPack("RU", language, List.of(), List.of(), List.of(),
                List.of(TestRules.russia(language, length)));
    }

    @Test
    void rulesAreStoredPerLanguageAndReplacedWithTheirPack() {
        try (GuideStore store = GuideStore.open(temp.resolve("data"), clock)) {
            store.install(Packs.feed(1, List.of(russia(Language.TAJIK, new RuleLength.CalendarDays(15)),
                    russia(Language.ENGLISH, new RuleLength.CalendarDays(15)))));
            assertEquals(List.of(TestRules.russia(Language.TAJIK)), store.rules("RU", Language.TAJIK));
            assertEquals(List.of(TestRules.russia(Language.ENGLISH)), store.rules(Language.ENGLISH));
            assertEquals(List.of(), store.rules("RU", Language.RUSSIAN));

            store.apply(ContentUpdate.whole(Packs.feed(2, List.of(
                    russia(Language.TAJIK, new RuleLength.WorkingDays(7)))), store.installedPacks().keySet()));
            assertEquals(new RuleLength.WorkingDays(7), store.rules("RU", Language.TAJIK).get(0).length());
            assertEquals(List.of(), store.rules(Language.ENGLISH));
        }
    }
}
