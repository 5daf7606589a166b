package tj.migrantsguide.content.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.Rule.Severity;

/** Each rule of content/SPEC.md, fed its mistake: the rule's name, the file and the line must come back. */
class LinterTest {
    @TempDir
    Path temp;

    private GuideFixture guide;

    @BeforeEach
    void writeCleanGuide() {
        guide = GuideFixture.in(temp);
    }

    @Test
    void cleanGuideHasNoProblemsAtAll() {
        assertEquals(List.of(), guide.lint());
    }

    // --- sources ---------------------------------------------------------------------------------------------

    @Test
    void reportsItemWithoutSource() {
        guide.replace("RU/ru.txt", "source: http://korockoadm.ru/pravila-nabora-telefonnykh-nomerov-e-kstrennykh-sluzhb-0.html"
                + " (read 2026-11-23) | \"используется единый номер «112», а также номера соответствующих экстренных служб\"\n", "");
        List<Problem> problems = guide.lint();
        assertReported(problems, "missing-source", Severity.ERROR, "RU/ru.txt", guide.lineOf("RU/ru.txt",
                "=== contact emergency-112"));
    }

    @Test
    void reportsSourceThatNamesNoDocument() {
        guide.replace("RU/en.txt", "source: 004_48969e50023832c2.txt:31", "source: 009_0000000000000000.txt:31");
        assertReported(guide.lint(), "source-document-missing", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "009_0000000000000000.txt"));
    }

    @Test
    void reportsSourceLineBeyondTheEndOfItsDocument() {
        guide.replace("RU/tg.txt", "source: 004_48969e50023832c2.txt:31", "source: 004_48969e50023832c2.txt:42");
        assertReported(guide.lint(), "source-line-out-of-range", Severity.ERROR, "RU/tg.txt",
                guide.lineOf("RU/tg.txt", "004_48969e50023832c2.txt:42"));
    }

    @Test
    void acceptsTheLastLineAndARangeWithinTheDocument() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, QUOTED_31, "source: 004_48969e50023832c2.txt:39-41 | \"Members of Their Families. 18."
                    + " The parties are currently exploring\"");
        }
        assertEquals(List.of(), guide.lint());
    }

    // --- quotes ------------------------------------------------------------------------------------------------

    private static final String QUOTED_31 =
            "source: 004_48969e50023832c2.txt:31 | \"without migration registration for 15 days after entry\"";

    /** The same change in the three files: a citation is a fact, the same in every language. */
    private void replaceEverywhere(String from, String to) {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, from, to); // fails the test when it is not there
            guide.write(file, guide.read(file).replace(from, to));
        }
    }

    @Test
    void refusesAQuoteThatIsNotOnItsLineByNameWithFileAndLine() {
        replaceEverywhere(QUOTED_31, "source: 004_48969e50023832c2.txt:31 | \"without registration for 30 days\"");
        List<Problem> problems = guide.lint();

        // the article and the checklist cite it: one error each, shown once (on the first language file)
        assertReported(problems, "source-quote-not-on-line", Severity.ERROR, "RU/tg.txt",
                guide.lineOf("RU/tg.txt", "without registration for 30 days"), 2);
        Problem problem = article(problems, "source-quote-not-on-line");
        assertTrue(problem.message().contains("is not on 004_48969e50023832c2.txt:31"), problem::toString);
        assertTrue(problem.message().contains("nowhere in 004_48969e50023832c2.txt"), problem::toString);
        assertTrue(problem.toString().startsWith(guide.guide.resolve("RU/tg.txt") + ":"
                + guide.lineOf("RU/tg.txt", "without registration for 30 days") + ": error [source-quote-not-on-line]"));
    }

    @Test
    void refusesAQuoteOnAnotherLineThanTheCitedOneAndSaysWhereItIs() {
        replaceEverywhere(QUOTED_31, "source: 004_48969e50023832c2.txt:39 | \"without migration registration for 15"
                + " days after entry\"");
        Problem problem = article(guide.lint(), "source-quote-not-on-line");

        assertEquals(guide.guide.resolve("RU/tg.txt"), problem.file());
        assertEquals(guide.lineOf("RU/tg.txt", "004_48969e50023832c2.txt:39 |"), problem.line());
        assertTrue(problem.message().contains("is not on 004_48969e50023832c2.txt:39 (004_48969e50023832c2.txt:39"
                + " reads \"• Agreement between the Government of Tajikistan and the Government of Qatar"),
                problem::toString);
        assertTrue(problem.message().endsWith("it is on line 31"), problem::toString);
        assertTrue(problem.toString().startsWith(guide.guide.resolve("RU/tg.txt") + ":"
                + guide.lineOf("RU/tg.txt", "004_48969e50023832c2.txt:39 |") + ": error [source-quote-not-on-line]"),
                problem::toString);
    }

    @Test
    void comparesQuotesAfterFoldingCaseSpacesAndQuotationMarks() {
        replaceEverywhere(QUOTED_31, "source: 004_48969e50023832c2.txt:31 | \"WITHOUT  «migration»\tregistration for"
                + " 15 days after ’entry’\"");
        assertEquals(List.of(), guide.lint());
    }

    @Test
    void aQuoteMayRunFromOneCitedLineIntoTheNextButNotPastTheRange() {
        String spanning = "\"Members of Their Families. 18. The parties are currently exploring\"";
        replaceEverywhere(QUOTED_31, "source: 004_48969e50023832c2.txt:40 | " + spanning);
        Problem problem = article(guide.lint(), "source-quote-not-on-line");
        assertTrue(problem.message().endsWith("it is nowhere in 004_48969e50023832c2.txt"), problem::toString);
    }

    @Test
    void refusesACitationWithoutAQuoteOnceByNameWithFileAndLine() {
        replaceEverywhere(QUOTED_31, "source: 004_48969e50023832c2.txt:31");
        List<Problem> problems = guide.lint();
        // one per item citing it (article and checklist), each shown once, on the first language file
        List<Problem> missing = problems.stream().filter(p -> p.code().equals("source-quote-missing")).toList();
        assertEquals(2, missing.size(), problems::toString);
        assertTrue(missing.stream().allMatch(p -> p.severity() == Severity.ERROR
                && p.file().equals(guide.guide.resolve("RU/tg.txt"))), missing::toString);
        int line = guide.lineOf("RU/tg.txt", "source: 004_48969e50023832c2.txt:31");
        assertTrue(missing.stream().anyMatch(p -> p.toString().startsWith(guide.guide.resolve("RU/tg.txt") + ":" + line
                + ": error [source-quote-missing]")), missing::toString);
    }

    @Test
    void refusesAPageWithoutQuoteAndAReadDateInTheFuture() {
        replaceEverywhere(" (read 2026-11-23) | \"используется единый номер «112», а также номера соответствующих"
                + " экстренных служб\"", " (read 2026-11-24)");
        List<Problem> problems = guide.lint();
        assertReported(problems, "source-quote-missing", Severity.ERROR, "RU/tg.txt",
                guide.lineOf("RU/tg.txt", "(read 2026-11-24)"));
        assertReported(problems, "future-date", Severity.ERROR, "RU/en.txt", guide.lineOf("RU/en.txt",
                "(read 2026-11-24)"), 3);
    }

    @Test
    void refusesAQuoteNotWrittenInDoubleQuotes() {
        replaceEverywhere(QUOTED_31, "source: 004_48969e50023832c2.txt:31 | without migration registration");
        List<Problem> problems = guide.lint();
        List<Problem> format = problems.stream().filter(p -> p.code().equals("source-format")).toList();
        assertEquals(6, format.size(), problems::toString); // article and checklist, in three files
        assertTrue(format.stream().allMatch(p -> p.message().contains("in double quotes")), format::toString);
    }

    @Test
    void reportsDocumentCitedWithoutALine() {
        guide.replace("RU/en.txt", "source: 004_48969e50023832c2.txt:31", "source: 004_48969e50023832c2.txt");
        assertReported(guide.lint(), "source-format", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "source: 004_48969e50023832c2.txt"));
    }

    @Test
    void skipsTheDocumentCheckWithOneWarningWhenTheFolderIsAbsent() {
        guide.replace("RU/tg.txt", "source: 004_48969e50023832c2.txt:31", "source: 004_48969e50023832c2.txt:4200");
        List<Problem> problems = guide.lint(new Linter(GuideFixture.TODAY, Optional.of(temp.resolve("nowhere")),
                Linter.RECHECK_AFTER));

        assertEquals(1, problems.stream().filter(p -> p.code().equals("documents-unavailable")).count(), problems::toString);
        assertTrue(problems.stream().noneMatch(p -> p.code().startsWith("source-")), problems::toString);
    }

    // --- translations ----------------------------------------------------------------------------------------

    @Test
    void reportsItemMissingFromOneLanguage() {
        String en = guide.read("RU/en.txt");
        guide.write("RU/en.txt", en.substring(0, en.indexOf("=== checklist before-you-leave")));
        List<Problem> problems = guide.lint();
        assertReported(problems, "missing-translation", Severity.ERROR, "RU/tg.txt",
                guide.lineOf("RU/tg.txt", "=== checklist before-you-leave"));
        assertTrue(only(problems, "missing-translation").message().contains("no en version"));
    }

    @Test
    void reportsMissingLanguageFile() throws Exception {
        java.nio.file.Files.delete(guide.guide.resolve("RU/ru.txt"));
        assertReported(guide.lint(), "missing-translation", Severity.ERROR, "RU/ru.txt", 1);
    }

    @Test
    void reportsStageThatDiffersBetweenLanguages() {
        guide.replace("RU/ru.txt", "stage: abroad", "stage: before");
        assertReported(guide.lint(), "translation-mismatch", Severity.ERROR, "RU/ru.txt",
                guide.lineOf("RU/ru.txt", "stage: before"));
    }

    @Test
    void reportsNumberThatDiffersBetweenLanguages() {
        guide.replace("RU/en.txt", "phone: 112 | 112", "phone: 102 | 102");
        assertReported(guide.lint(), "translation-mismatch", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "phone: 102 | 102"));
    }

    @Test
    void reportsEmergencyFlagThatDiffersBetweenLanguages() {
        guide.replace("RU/en.txt", "emergency: yes", "emergency: no");
        assertReported(guide.lint(), "translation-mismatch", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "emergency: no"));
    }

    @Test
    void reportsSourceThatDiffersBetweenLanguages() {
        guide.replace("RU/en.txt", "source: 004_48969e50023832c2.txt:31", "source: 004_48969e50023832c2.txt:32");
        assertReported(guide.lint(), "translation-mismatch", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "004_48969e50023832c2.txt:32"));
    }

    @Test
    void reportsChecklistItemIdsThatDifferBetweenLanguages() {
        guide.replace("RU/ru.txt", "- [save-112]", "- [remember-112]");
        assertReported(guide.lint(), "translation-mismatch", Severity.ERROR, "RU/ru.txt",
                guide.lineOf("RU/ru.txt", "- [place-to-stay]"));
    }

    @Test
    void reportsIdUsedForAnotherKindOfItemInOneLanguage() {
        guide.replace("RU/en.txt", "=== checklist before-you-leave", "=== article before-you-leave");
        assertReported(guide.lint(), "translation-mismatch", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "=== article before-you-leave"));
    }

    // --- verification dates ------------------------------------------------------------------------------------

    @Test
    void reportsItemWithoutVerificationDate() {
        String en = guide.read("RU/en.txt");
        guide.write("RU/en.txt", en.replace("verified: 2026-11-23\n---\nOne number", "---\nOne number"));
        assertReported(guide.lint(), "missing-verified", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "=== contact emergency-112"));
    }

    @Test
    void reportsMalformedVerificationDate() {
        guide.replace("RU/ru.txt", "verified: 2026-11-23", "verified: 23.11.2026");
        assertReported(guide.lint(), "bad-date", Severity.ERROR, "RU/ru.txt", guide.lineOf("RU/ru.txt", "23.11.2026"));
    }

    @Test
    void reportsVerificationDateInTheFuture() {
        guide.replace("RU/ru.txt", "verified: 2026-11-23", "verified: 2026-11-24");
        assertReported(guide.lint(), "future-date", Severity.ERROR, "RU/ru.txt", guide.lineOf("RU/ru.txt", "2026-11-24"));
    }

    @Test
    void flagsFactsOlderThanTheRecheckAgeOncePerItem() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "verified: 2026-11-23", "verified: 2025-11-22");
        }
        List<Problem> problems = guide.lint();
        assertReported(problems, "stale", Severity.WARNING, "RU/tg.txt", guide.lineOf("RU/tg.txt", "2025-11-22"));
        assertTrue(problems.stream().noneMatch(Problem::isError), problems::toString);
    }

    @Test
    void theRecheckAgeIsASetting() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "verified: 2026-11-23", "verified: 2026-08-01");
        }
        assertTrue(guide.lint().stream().noneMatch(p -> p.code().equals("stale")));
        List<Problem> problems = guide.lint(GuideFixture.linterWithRecheckAfter(guide.documents, Period.ofMonths(3)));
        assertReported(problems, "stale", Severity.WARNING, "RU/tg.txt", guide.lineOf("RU/tg.txt", "2026-08-01"));
    }

    @Test
    void asksForARecheckOnceWhenTheVerificationDateIsUnknown() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "verified: 2026-11-23", "verified: unknown");
        }
        assertReported(guide.lint(), "verified-unknown", Severity.WARNING, "RU/tg.txt",
                guide.lineOf("RU/tg.txt", "verified: unknown"));
    }

    // --- phone numbers -----------------------------------------------------------------------------------------

    @Test
    void reportsPhoneWithoutItsPrintedForm() {
        guide.replace("RU/ru.txt", "phone: 112 | 112", "phone: 112");
        assertReported(guide.lint(), "phone-format", Severity.ERROR, "RU/ru.txt", guide.lineOf("RU/ru.txt", "phone: 112"));
    }

    @Test
    void reportsDialledFormThatIsNeitherE164NorAShortCode() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "phone: 112 | 112", "phone: 8 (495) 967-98-44 | 8 (495) 967-98-44");
        }
        List<Problem> problems = guide.lint();
        assertReported(problems, "phone-format", Severity.ERROR, "RU/en.txt", guide.lineOf("RU/en.txt", "phone: 8 (495)"), 3);
    }

    @Test
    void reportsPrintedFormWithOtherDigitsThanTheDialledOne() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "phone: 112 | 112", "phone: +74959679844 | +7 (495) 967-98-45");
        }
        assertReported(guide.lint(), "phone-mismatch", Severity.ERROR, "RU/tg.txt",
                guide.lineOf("RU/tg.txt", "+74959679844"), 3);
    }

    @Test
    void acceptsAnE164NumberWithItsPrintedForm() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "phone: 112 | 112", "phone: +74959679844 | +7 (495) 967-98-44");
        }
        assertEquals(List.of(), guide.lint());
    }

    @Test
    void warnsOnceWhenTheDialledFormIsUnknown() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "phone: 112 | 112", "phone: unknown | 227-07-07-07");
        }
        List<Problem> problems = guide.lint();
        assertReported(problems, "phone-unverified-format", Severity.WARNING, "RU/tg.txt",
                guide.lineOf("RU/tg.txt", "227-07-07-07"));
        assertTrue(problems.stream().noneMatch(Problem::isError), problems::toString);
    }

    @Test
    void warnsOnPhoneNumberWrittenOnlyInRunningText() {
        guide.replace("RU/en.txt", "anywhere in Russia.", "anywhere in Russia. Or call +7 (495) 967-98-44.");
        assertReported(guide.lint(), "phone-in-text", Severity.WARNING, "RU/en.txt",
                guide.lineOf("RU/en.txt", "Or call +7"));
    }

    @Test
    void acceptsInRunningTextANumberThatAPhoneLineCarries() {
        guide.replace("RU/en.txt", "- [save-112] Remember 112", "- [save-112] Remember 112 (or 227-07-07-07)");
        assertTrue(guide.lint().stream().anyMatch(p -> p.code().equals("phone-in-text")));
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "phone: 112 | 112", "phone: 112 | 112\nphone: unknown | 227-07-07-07");
        }
        assertTrue(guide.lint().stream().noneMatch(p -> p.code().equals("phone-in-text")));
    }

    // --- ids, links, checklists ----------------------------------------------------------------------------------

    @Test
    void reportsIdUsedTwiceInAFile() {
        guide.write("RU/ru.txt", guide.read("RU/ru.txt").replace("=== checklist before-you-leave",
                "=== checklist registration-15-days"));
        List<Problem> problems = guide.lint();
        assertReported(problems, "duplicate-id", Severity.ERROR, "RU/ru.txt",
                guide.lineOf("RU/ru.txt", "=== checklist registration-15-days"));
    }

    @Test
    void reportsIdUsedInTwoCountries() {
        guide.replace("countries.txt", "order: 10", "order: 10\n\n=== country KZ\nname.tg: Қазоқистон\nname.ru: Казахстан\n"
                + "name.en: Kazakhstan\norder: 20");
        guide.write("KZ/tg.txt", GuideFixture.TG).write("KZ/ru.txt", GuideFixture.RU).write("KZ/en.txt", GuideFixture.EN);
        List<Problem> problems = guide.lint().stream().filter(p -> p.code().equals("duplicate-id")).toList();

        assertEquals(9, problems.size(), problems::toString); // 3 items x 3 languages, all in KZ
        Problem first = problems.get(0);
        assertEquals(guide.guide.resolve("KZ/tg.txt"), first.file());
        assertEquals(guide.lineOf("KZ/tg.txt", "=== article registration-15-days"), first.line());
        assertTrue(first.message().contains("registration-15-days-kz"), first.message());
    }

    @Test
    void reportsLinkToNoItem() {
        guide.replace("RU/ru.txt", "[[emergency-112]]", "[[emergency-911]]");
        assertReported(guide.lint(), "broken-link", Severity.ERROR, "RU/ru.txt", guide.lineOf("RU/ru.txt", "[[emergency-911]]"));
    }

    @Test
    void reportsLinkToAnotherCountryThatIsNotThere() {
        guide.replace("RU/tg.txt", "[[emergency-112]]", "[[TJ/migration-service]]");
        Problem problem = only(guide.lint(), "broken-link");
        assertEquals(guide.lineOf("RU/tg.txt", "[[TJ/migration-service]]"), problem.line());
        assertTrue(problem.message().contains("no country TJ"), problem.message());
    }

    @Test
    void reportsMalformedLink() {
        guide.replace("RU/en.txt", "[[emergency-112]]", "[[Emergency 112]]");
        assertReported(guide.lint(), "bad-link", Severity.ERROR, "RU/en.txt", guide.lineOf("RU/en.txt", "[[Emergency 112]]"));
    }

    @Test
    void reportsMalformedChecklistItem() {
        guide.replace("RU/en.txt", "- [save-112] Remember", "- save-112: Remember");
        List<Problem> problems = guide.lint();
        assertEquals(guide.lineOf("RU/en.txt", "- save-112: Remember"),
                problems.stream().filter(p -> p.code().equals("checklist-item")).findFirst().orElseThrow().line());
    }

    @Test
    void reportsChecklistItemIdUsedTwice() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "- [save-112]", "- [place-to-stay]");
        }
        List<Problem> problems = guide.lint();
        assertReported(problems, "duplicate-item", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "- [place-to-stay] Remember"), 3);
    }

    // --- words -------------------------------------------------------------------------------------------------

    @Test
    void reportsUzbekShortUInsteadOfTajikU() {
        guide.replace("RU/tg.txt", "15 рӯз пас", "15 рўз пас");
        Problem problem = only(guide.lint(), "tajik-wrong-letter");
        assertEquals(guide.lineOf("RU/tg.txt", "рўз"), problem.line());
        assertTrue(problem.message().contains("U+04EF"), problem.message());
    }

    @Test
    void reportsLatinLetterHiddenInACyrillicWord() {
        guide.replace("RU/ru.txt", "Граждане Таджикистана", "Граждане Таджикистaна");
        assertReported(guide.lint(), "mixed-script", Severity.ERROR, "RU/ru.txt", guide.lineOf("RU/ru.txt", "Таджикистaна"));
    }

    @Test
    void reportsLettersOfOldTajikFonts() {
        guide.replace("RU/tg.txt", "Шаҳрвандони Тоҷикистон", "Шањрвандони Тољикистон");
        List<Problem> problems = guide.lint();
        assertReported(problems, "tajik-old-font", Severity.ERROR, "RU/tg.txt", guide.lineOf("RU/tg.txt", "Шањрвандони"), 2);
    }

    @Test
    void checksTheWordsOfCountryNamesToo() {
        guide.replace("countries.txt", "name.ru: Россия", "name.ru: Рoссия");
        assertReported(guide.lint(), "mixed-script", Severity.ERROR, "countries.txt", guide.lineOf("countries.txt", "name.ru:"));
    }

    @Test
    void reportsTajikFileWithoutAnyTajikLetter() {
        guide.write("RU/tg.txt", guide.read("RU/ru.txt").replace("language: ru", "language: tg"));
        assertReported(guide.lint(), "not-tajik", Severity.ERROR, "RU/tg.txt", 1);
    }

    @Test
    void warnsOnTajikItemWrittenWithoutTajikLetters() {
        guide.replace("RU/tg.txt", "Рақами ягона барои сӯхторнишонӣ, политсия, ёрии таъҷилӣ ва хадамоти садамавии газ.",
                "Раками ягона барои сухторнишони, политсия, ёрии таъчили ва хадамоти садамавии газ.");
        guide.replace("RU/tg.txt", "name: Хадамоти фавқулодда (ҳама)", "name: Хадамоти фавкулодда (хама)");
        assertReported(guide.lint(), "tajik-letters-missing", Severity.WARNING, "RU/tg.txt",
                guide.lineOf("RU/tg.txt", "=== contact emergency-112"));
    }

    @Test
    void warnsOnAFormTheGlossaryReplaces() {
        guide.replace("RU/tg.txt", "дар Федератсияи Россия 15 рӯз", "дар Русия 15 рӯз");
        Problem problem = only(guide.lint(), "glossary-term");
        assertEquals(Severity.WARNING, problem.severity());
        assertEquals(guide.lineOf("RU/tg.txt", "дар Русия"), problem.line());
    }

    // --- item shape --------------------------------------------------------------------------------------------

    @Test
    void reportsArticleWithoutTitleOrText() {
        guide.replace("RU/en.txt", "title: Register with the migration authorities within 15 days", "title:");
        assertReported(guide.lint(), "empty-text", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "=== article registration-15-days"));
    }

    @Test
    void reportsEmergencyContactWithNeitherNumberNorNote() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            String text = guide.read(file);
            int start = text.indexOf("phone: 112 | 112\n");
            int bodyEnd = text.indexOf("=== checklist");
            int bodyStart = text.indexOf("---\n", start);
            guide.write(file, text.substring(0, start) + text.substring(start + "phone: 112 | 112\n".length(), bodyStart)
                    + "\n" + text.substring(bodyEnd));
        }
        assertReported(guide.lint(), "emergency-without-phone", Severity.ERROR, "RU/tg.txt",
                guide.lineOf("RU/tg.txt", "=== contact emergency-112"), 3);
    }

    @Test
    void allowsEmergencyContactWithoutNumberWhenANoteSaysWhereToFindIt() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "phone: 112 | 112\n", "");
        }
        assertTrue(guide.lint().stream().noneMatch(Problem::isError));
    }

    @Test
    void reportsContactWithNeitherNumberNorNote() {
        guide.write("RU/en.txt", guide.read("RU/en.txt") + """

                === contact embassy-moscow
                kind: embassy
                name: Embassy of Tajikistan in Moscow
                source: 004_48969e50023832c2.txt:14
                verified: 2026-11-23
                """);
        assertReported(guide.lint(), "contact-needs-note", Severity.ERROR, "RU/en.txt",
                guide.lineOf("RU/en.txt", "=== contact embassy-moscow"));
    }

    @Test
    void reportsMisspelledField() {
        guide.replace("RU/ru.txt", "verified: 2026-11-23", "verified: 2026-11-23\nverfied: 2026-11-23");
        assertReported(guide.lint(), "unknown-field", Severity.ERROR, "RU/ru.txt", guide.lineOf("RU/ru.txt", "verfied:"));
    }

    @Test
    void reportsFieldGivenTwice() {
        guide.replace("RU/ru.txt", "stage: abroad", "stage: abroad\nstage: abroad");
        assertReported(guide.lint(), "duplicate-field", Severity.ERROR, "RU/ru.txt", guide.lineOf("RU/ru.txt", "stage: abroad") + 1);
    }

    @Test
    void reportsEmergencyValueOtherThanYesOrNo() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "emergency: yes", "emergency: true");
        }
        assertReported(guide.lint(), "bad-emergency", Severity.ERROR, "RU/ru.txt", guide.lineOf("RU/ru.txt", "emergency: true"), 3);
    }

    @Test
    void reportsWebsiteThatIsNotAnAddress() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "emergency: yes", "emergency: yes\nwebsite: tajmigration.ru");
        }
        assertReported(guide.lint(), "bad-website", Severity.ERROR, "RU/en.txt", guide.lineOf("RU/en.txt", "website:"), 3);
    }

    @Test
    void reportsCountryWithoutAnEmergencyCard() {
        for (String file : List.of("RU/tg.txt", "RU/ru.txt", "RU/en.txt")) {
            guide.replace(file, "emergency: yes", "emergency: no");
        }
        assertReported(guide.lint(), "no-emergency-card", Severity.ERROR, "countries.txt",
                guide.lineOf("countries.txt", "=== country RU"));
    }

    @Test
    void reportsCountryWithoutItsNameInOneLanguage() {
        guide.replace("countries.txt", "name.tg: Федератсияи Россия\n", "");
        assertReported(guide.lint(), "missing-translation", Severity.ERROR, "countries.txt",
                guide.lineOf("countries.txt", "=== country RU"));
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    // --- concept table ------------------------------------------------------------------------------------------

    private static final String CONCEPTS = """
            === concept registration
            tg: бақайдгирӣ
            tg: қайди муҳоҷиратӣ
            tg: қайди муҳоҷирӣ
            ru: регистрация
            ru: миграционный учёт
            en: registration
            source: 004_48969e50023832c2.txt:31 | "without migration registration for 15 days after entry"
            verified: 2026-11-23

            === concept pension
            tg: нафақа
            ru: пенсия
            en: pension
            source: 004_48969e50023832c2.txt:41 | "regulating pension provision for migrant workers"
            verified: 2026-11-23
            """;

    @Test
    void aConceptTableWithWordsInEveryLanguageAndSourcesLintsCleanAndReachesTheCommonPack() {
        // «қайди муҳоҷирӣ» is a variant the glossary replaces in the guide's text: people type it, so it is listed.
        guide.write("concepts.txt", CONCEPTS);
        assertEquals(List.of(), guide.lint());
        var concepts = guide.load().common().concepts();
        assertEquals(List.of("registration", "pension"), concepts.stream().map(c -> c.id()).toList());
        assertEquals(List.of("регистрация", "миграционный учёт"),
                concepts.get(0).words(tj.migrantsguide.guide.Language.RUSSIAN));
    }

    @Test
    void refusesAConceptWithoutAWordInOneLanguage() {
        guide.write("concepts.txt", CONCEPTS.replace("en: pension\n", ""));
        assertReported(guide.lint(), "concept-words-missing", Severity.ERROR, "concepts.txt",
                guide.lineOf("concepts.txt", "=== concept pension"));
    }

    @Test
    void refusesAWordInTwoConceptsComparedWithoutTajikLetters() {
        guide.write("concepts.txt", CONCEPTS.replace("tg: нафақа", "tg: нафақа\ntg: бакайдгири"));
        assertReported(guide.lint(), "concept-word-twice", Severity.ERROR, "concepts.txt",
                guide.lineOf("concepts.txt", "tg: бакайдгири"));
    }

    @Test
    void checksAConceptsSourcesDateAndTajikLettersLikeAnItems() {
        guide.write("concepts.txt", CONCEPTS.replace("regulating pension provision", "regulating pensions")
                .replace("tg: бақайдгирӣ", "tg: бақайдгирў").replace("verified: 2026-11-23\n\n", "\n"));
        List<Problem> problems = guide.lint();
        assertReported(problems, "source-quote-not-on-line", Severity.ERROR, "concepts.txt",
                guide.lineOf("concepts.txt", "regulating pensions"));
        assertReported(problems, "tajik-wrong-letter", Severity.ERROR, "concepts.txt",
                guide.lineOf("concepts.txt", "бақайдгирў"));
        assertReported(problems, "missing-verified", Severity.ERROR, "concepts.txt",
                guide.lineOf("concepts.txt", "=== concept registration"));
    }

    @Test
    void refusesAnotherKindOfBlockOrFieldInTheConceptTable() {
        guide.write("concepts.txt", CONCEPTS.replace("=== concept pension", "=== article pension")
                .replace("en: registration", "de: Anmeldung"));
        List<Problem> problems = guide.lint();
        assertReported(problems, "unknown-kind", Severity.ERROR, "concepts.txt",
                guide.lineOf("concepts.txt", "=== article pension"));
        assertReported(problems, "unknown-field", Severity.ERROR, "concepts.txt",
                guide.lineOf("concepts.txt", "de: Anmeldung"));
    }

    private void assertReported(List<Problem> problems, String rule, Severity severity, String file, int line) {
        assertReported(problems, rule, severity, file, line, 1);
    }

    /** {@code count} problems of {@code rule}, one of them at {@code file}:{@code line}. */
    private void assertReported(List<Problem> problems, String rule, Severity severity, String file, int line,
            int count) {
        List<Problem> matching = problems.stream().filter(p -> p.code().equals(rule)).toList();
        assertEquals(count, matching.size(), () -> "expected " + count + " [" + rule + "] in " + problems);
        Path path = guide.guide.resolve(file);
        if (matching.stream().noneMatch(p -> p.file().equals(path) && p.line() == line && p.severity() == severity)) {
            fail("expected " + severity + " [" + rule + "] at " + file + ":" + line + "; got " + matching);
        }
    }

    /** The one problem of {@code rule} about the article registration-15-days. */
    private static Problem article(List<Problem> problems, String rule) {
        return only(problems.stream().filter(p -> p.message().startsWith("'registration-15-days'")).toList(), rule);
    }

    private static Problem only(List<Problem> problems, String rule) {
        List<Problem> matching = problems.stream().filter(p -> p.code().equals(rule)).toList();
        assertEquals(1, matching.size(), () -> "expected one [" + rule + "] in " + problems);
        return matching.get(0);
    }
}
