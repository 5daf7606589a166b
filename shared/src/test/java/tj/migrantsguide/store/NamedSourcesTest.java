package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.guide.Citation;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.NamedSource;

/** The named-source table: carried once in the common pack, kept on the device, found from an item's citation. */
class NamedSourcesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
    private static final NamedSource REPORT = new NamedSource("001_83c9d57138334d54.txt", NamedSource.Kind.UN_REPORT,
            Map.of(Language.ENGLISH, "third periodic report of Tajikistan", Language.RUSSIAN,
                    "третий периодический доклад Таджикистана"),
            Map.of(Language.ENGLISH, "UN Committee on Migrant Workers", Language.RUSSIAN,
                    "Комитет ООН по трудящимся-мигрантам"), Optional.of(2024), "en");
    private static final NamedSource MFA = new NamedSource("mfa.tj", NamedSource.Kind.OFFICIAL_PAGE, Map.of(),
            Map.of(Language.ENGLISH, "Ministry of Foreign Affairs of Tajikistan"), Optional.empty(), "tg");

    @TempDir
    Path temp;

    @Test
    void theTableTravelsInTheCommonPackAndIsKeptOnTheDevice() throws Exception {
        CommonPack common = new CommonPack(List.of(Packs.russia()), List.of(), List.of(REPORT, MFA));
        assertEquals(common, FeedCodec.readCommon("common.json", FeedCodec.writeCommon(common)));

        try (GuideStore store = GuideStore.open(temp.resolve("data"), CLOCK)) {
            store.install(Packs.feed(1, common, List.of()));
            assertEquals(List.of(REPORT, MFA), store.namedSources());
        }
    }

    @Test
    void aCommonPackWithoutTheTableKeepsItsBytes() {
        CommonPack common = new CommonPack(List.of(Packs.russia()));
        String json = new String(FeedCodec.writeCommon(common), StandardCharsets.UTF_8);
        assertEquals(false, json.contains("sources"), json);
    }

    @Test
    void anUnknownKindIsRefusedByName() {
        String json = "{\"format\":1,\"countries\":[],\"sources\":[{\"id\":\"x.txt\",\"kind\":\"blog\",\"title\":{},"
                + "\"publisher\":{},\"written_in\":\"en\"}]}";
        FeedFormatException e = assertThrows(FeedFormatException.class,
                () -> FeedCodec.readCommon("common.json", json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(true, e.getMessage().contains("blog"), e.getMessage());
    }

    @Test
    void aCitationFindsItsDocumentOrItsSiteAndNamesIt() {
        List<NamedSource> table = List.of(REPORT, MFA);
        Citation line = Citation.parse("001_83c9d57138334d54.txt:466 | \"licensed by the Migration Service\"");
        assertEquals(Optional.of(REPORT), line.find(table));
        assertEquals(Optional.of("licensed by the Migration Service"), line.quote());
        assertEquals("001_83c9d57138334d54.txt:466", line.location());
        assertEquals("UN Committee on Migrant Workers, third periodic report of Tajikistan, 2024",
                REPORT.describe(Language.ENGLISH));
        // Tajik missing: Russian next.
        assertEquals("Комитет ООН по трудящимся-мигрантам, третий периодический доклад Таджикистана, 2024",
                REPORT.describe(Language.TAJIK));

        Citation page = Citation.parse("https://www.mfa.tj/en/main/view/75/consular-services (read 2026-11-23) | "
                + "\"Consular Office\"");
        assertEquals(Optional.of(MFA), page.find(table));
        assertEquals(Optional.of("2026-11-23"), page.read());
        assertEquals(Optional.of(MFA), Citation.parse("https://old.mfa.tj/x").find(table));
        assertEquals(Optional.empty(), Citation.parse("https://mfa.tj.example.org/x").find(table));
        assertEquals(Optional.empty(), Citation.parse("Law of the Republic of Tajikistan No. 1 of 2000").find(table));
    }
}
