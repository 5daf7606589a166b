package tj.migrantsguide.content.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.SourceLoader;

/** The coverage table of content/README.md counts what the sources hold, and the README carries it up to date. */
class ContentReportTest {
    @TempDir
    Path temp;

    @Test
    void countsItemsPerStageAndContactsByWhetherTheirNumberIsVerified() {
        GuideFixture guide = GuideFixture.in(temp);
        guide.write("RU/en.txt", guide.read("RU/en.txt") + """

                === contact ministry-office-russia
                kind: ministry-office
                name: Representative office of the Ministry of Labour, Migration and Employment in Russia
                phone: +74959679844 | +7 (495) 967-98-44
                source: http://tajmigration.ru/pamyatka-trudovomu-migrantu.html
                verified: unknown

                === contact embassy-moscow
                kind: embassy
                name: Embassy of Tajikistan in Moscow
                source: 004_48969e50023832c2.txt:14
                verified: 2026-11-23
                ---
                Address and number not yet verified.
                """);

        ContentReport.Row row = ContentReport.rows(guide.load()).get(0);

        assertEquals("RU", row.country().code());
        assertEquals(1, row.before());
        assertEquals(1, row.abroad());
        assertEquals(0, row.back());
        assertEquals(3, row.contacts());
        assertEquals(1, row.verifiedNumbers());
        assertEquals(1, row.unverifiedNumbers());
        assertEquals(1, row.withoutNumber());
        assertEquals(1, row.emergencyCard());
    }

    @Test
    void aCheckedNumberThatCanOnlyBeCopiedIsNotCountedAsVerified() {
        GuideFixture guide = GuideFixture.in(temp);
        guide.write("RU/en.txt", guide.read("RU/en.txt") + """

                === contact trafficking-hotline-227-ru
                kind: hotline
                name: Anti-trafficking hotline (Tajikistan)
                phone: unknown | 227-07-07-07
                source: 001_83c9d57138334d54.txt:461 | "The 227-07-07-07 and 98-010-55-55-55 hotlines"
                verified: 2026-11-23
                """);

        ContentReport.Row row = ContentReport.rows(guide.load()).get(0);

        assertEquals(2, row.contacts());
        assertEquals(1, row.verifiedNumbers()); // the fixture's 112, which people can call
        assertEquals(1, row.unverifiedNumbers()); // 227-07-07-07: copy, not call
    }

    @Test
    void replacesOnlyTheTableBetweenItsMarkers() {
        EditorialContent content = GuideFixture.in(temp).load();
        String readme = "# Title\n\nBefore.\n\n" + ContentReport.START + "\nold\n" + ContentReport.END + "\n\nAfter.\n";

        String updated = ContentReport.withTable(readme, content);

        assertTrue(updated.startsWith("# Title\n\nBefore.\n\n" + ContentReport.START + "\n| Country |"), updated);
        assertTrue(updated.endsWith(ContentReport.END + "\n\nAfter.\n"), updated);
        assertTrue(updated.contains("| Russia | RU | 1 | 1 | 0 | 1 | 1 | 0 | 0 | 1 |"), updated);
    }

    @Test
    void readmeTableMatchesTheContent() throws Exception {
        EditorialContent content = SourceLoader.load(Path.of("guide"), new ArrayList<>());
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);

        assertEquals(ContentReport.withTable(readme, content), readme,
                "content/README.md is out of date; regenerate its table with: java -cp content/target/guide-content.jar"
                        + " tj.migrantsguide.content.lint.ContentReport --sources content/guide --write content/README.md");
    }

    @Test
    void everyCountryHasARowInCountryOrder() throws Exception {
        EditorialContent content = SourceLoader.load(Path.of("guide"), new ArrayList<>());
        List<String> codes = ContentReport.rows(content).stream().map(r -> r.country().code()).toList();
        assertEquals(List.of("TJ", "RU", "KZ", "GB", "TR", "SA", "BY", "KR", "AE", "QA", "KG", "CN"), codes);
    }
}
