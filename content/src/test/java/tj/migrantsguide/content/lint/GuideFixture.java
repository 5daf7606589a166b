package tj.migrantsguide.content.lint;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.SourceLoader;

/**
 * A small guide that lints clean: one country (RU) in three languages with one article, one emergency contact and
 * one checklist, copied from the real content (so that no fact or number here is invented), plus a documents
 * folder with the one document it cites. Each test breaks one thing and checks the rule, file and line reported.
 */
final class GuideFixture {
    static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    /**
     * Stands in for 004_48969e50023832c2.txt: its length (41 lines) and, for quotes, the lines the fixture and the
     * tests cite, copied from the real document; the other lines read "line N".
     */
    static final String DOCUMENT = "004_48969e50023832c2.txt";
    static final int DOCUMENT_LINES = 41;
    static final java.util.Map<Integer, String> DOCUMENT_TEXT = java.util.Map.of(
            31, "•\tAgreement between the Government of the Russian Federation and the Government of Tajikistan on the"
                    + " procedure for the stay of Tajik citizens in the Russian Federation (8 February 2013), which"
                    + " grants citizens of Tajikistan who enter the Russian Federation the right to stay in the country"
                    + " without migration registration for 15 days after entry",
            39, "•\tAgreement between the Government of Tajikistan and the Government of Qatar on the regulation of the"
                    + " labour force in Qatar",
            40, "17.\tIt should be noted that these agreements take into account all the necessary requirements and"
                    + " provisions of the International Convention on the Protection of the Rights of All Migrant"
                    + " Workers and Members of Their Families. ",
            41, "18.\tThe parties are currently exploring the possibility of regulating pension provision for migrant"
                    + " workers. A draft treaty between Tajikistan and the Russian Federation on cooperation in the"
                    + " area of pension provision is currently under consideration.");

    static final String FEED = "version: 1\nvalid-days: 180\n";

    static final String COUNTRIES = """
            === country RU
            name.tg: Федератсияи Россия
            name.ru: Россия
            name.en: Russia
            order: 10
            """;

    static final String EN = """
            language: en

            === article registration-15-days
            stage: abroad
            title: Register with the migration authorities within 15 days
            source: 004_48969e50023832c2.txt:31 | "without migration registration for 15 days after entry"
            verified: 2026-11-23
            ---
            Citizens of Tajikistan may stay in Russia without migration registration for 15 days after entry.

            In danger, call 112 [[emergency-112]].

            === contact emergency-112
            kind: emergency
            name: Emergency services (all)
            phone: 112 | 112
            emergency: yes
            source: http://korockoadm.ru/pravila-nabora-telefonnykh-nomerov-e-kstrennykh-sluzhb-0.html (read 2026-11-23) | "используется единый номер «112», а также номера соответствующих экстренных служб"
            verified: 2026-11-23
            ---
            One number for fire, police, ambulance and gas emergencies, anywhere in Russia.

            === checklist before-you-leave
            stage: before
            title: Before you leave for Russia
            source: 004_48969e50023832c2.txt:31 | "without migration registration for 15 days after entry"
            verified: 2026-11-23
            ---
            - [place-to-stay] Know where you will stay: you must register within 15 days.
            - [save-112] Remember 112: the emergency number in Russia.
            """;

    static final String RU = """
            language: ru

            === article registration-15-days
            stage: abroad
            title: Встаньте на миграционный учёт в течение 15 дней
            source: 004_48969e50023832c2.txt:31 | "without migration registration for 15 days after entry"
            verified: 2026-11-23
            ---
            Граждане Таджикистана могут находиться в России без миграционного учёта 15 дней после въезда.

            В опасности звоните 112 [[emergency-112]].

            === contact emergency-112
            kind: emergency
            name: Экстренные службы (все)
            phone: 112 | 112
            emergency: yes
            source: http://korockoadm.ru/pravila-nabora-telefonnykh-nomerov-e-kstrennykh-sluzhb-0.html (read 2026-11-23) | "используется единый номер «112», а также номера соответствующих экстренных служб"
            verified: 2026-11-23
            ---
            Единый номер для пожарных, полиции, скорой помощи и аварийной газовой службы по всей России.

            === checklist before-you-leave
            stage: before
            title: Перед отъездом в Россию
            source: 004_48969e50023832c2.txt:31 | "without migration registration for 15 days after entry"
            verified: 2026-11-23
            ---
            - [place-to-stay] Знайте, где будете жить: встать на учёт нужно в течение 15 дней.
            - [save-112] Запомните 112 — номер экстренных служб в России.
            """;

    static final String TG = """
            language: tg

            === article registration-15-days
            stage: abroad
            title: Дар давоми 15 рӯз ба қайди муҳоҷиратӣ гузошта шавед
            source: 004_48969e50023832c2.txt:31 | "without migration registration for 15 days after entry"
            verified: 2026-11-23
            ---
            Шаҳрвандони Тоҷикистон метавонанд дар Федератсияи Россия 15 рӯз пас аз ворид шудан бе қайди муҳоҷиратӣ бошанд.

            Дар хатар ба 112 занг занед [[emergency-112]].

            === contact emergency-112
            kind: emergency
            name: Хадамоти фавқулодда (ҳама)
            phone: 112 | 112
            emergency: yes
            source: http://korockoadm.ru/pravila-nabora-telefonnykh-nomerov-e-kstrennykh-sluzhb-0.html (read 2026-11-23) | "используется единый номер «112», а также номера соответствующих экстренных служб"
            verified: 2026-11-23
            ---
            Рақами ягона барои сӯхторнишонӣ, политсия, ёрии таъҷилӣ ва хадамоти садамавии газ.

            === checklist before-you-leave
            stage: before
            title: Пеш аз сафар ба Федератсияи Россия
            source: 004_48969e50023832c2.txt:31 | "without migration registration for 15 days after entry"
            verified: 2026-11-23
            ---
            - [place-to-stay] Донед, ки дар куҷо зиндагӣ мекунед: дар давоми 15 рӯз бояд ба қайди муҳоҷиратӣ гузошта шавед.
            - [save-112] 112-ро дар хотир доред: рақами хадамоти фавқулодда дар Федератсияи Россия.
            """;

    final Path root;
    final Path guide;
    final Path documents;

    private GuideFixture(Path root) {
        this.root = root;
        this.guide = root.resolve("repo/content/guide");
        this.documents = root.resolve("documents");
    }

    static GuideFixture in(Path temp) {
        GuideFixture fixture = new GuideFixture(temp);
        fixture.write("feed.txt", FEED);
        fixture.write("countries.txt", COUNTRIES);
        fixture.write("RU/tg.txt", TG);
        fixture.write("RU/ru.txt", RU);
        fixture.write("RU/en.txt", EN);
        StringBuilder document = new StringBuilder();
        for (int i = 1; i <= DOCUMENT_LINES; i++) {
            document.append(DOCUMENT_TEXT.getOrDefault(i, "line " + i)).append('\n');
        }
        try {
            Files.createDirectories(fixture.documents);
            Files.writeString(fixture.documents.resolve(DOCUMENT), document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fixture;
    }

    GuideFixture write(String file, String text) {
        try {
            Path path = guide.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the first {@code from} in {@code file}; fails the test if it is not there. */
    GuideFixture replace(String file, String from, String to) {
        String text = read(file);
        int at = text.indexOf(from);
        if (at < 0) {
            fail("fixture " + file + " has no «" + from + "»");
        }
        return write(file, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    String read(String file) {
        try {
            return Files.readString(guide.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line of the first line of {@code file} containing {@code text}. */
    int lineOf(String file, String text) {
        String[] lines = read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        return fail("fixture " + file + " has no line with «" + text + "»");
    }

    /** What an editor sees: the loader's problems, then the linter's, with the fixture's documents folder. */
    List<Problem> lint() {
        return lint(new Linter(TODAY, Optional.of(documents), Linter.RECHECK_AFTER));
    }

    List<Problem> lint(Linter linter) {
        try {
            List<Problem> problems = new ArrayList<>();
            EditorialContent content = SourceLoader.load(guide, problems);
            problems.addAll(linter.lint(content));
            return problems;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    EditorialContent load() {
        try {
            return SourceLoader.load(guide, new ArrayList<>());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Linter linterWithRecheckAfter(Path documents, Period period) {
        return new Linter(TODAY, Optional.of(documents), period);
    }
}
