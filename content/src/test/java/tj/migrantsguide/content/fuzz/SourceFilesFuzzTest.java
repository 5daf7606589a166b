package tj.migrantsguide.content.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tj.migrantsguide.content.lint.Linter;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.SourceLoader;

/**
 * Coverage-guided fuzzing (Jazzer) of what editors write: a country's source file (content/SPEC.md), parsed, loaded
 * into packs and linted. Whatever the bytes, the result is a list of problems with file and line, never an
 * exception: an editor's typo must never stop the build with a stack trace, and must never slip through as a half
 * read file. The same bytes stand for the file in all three languages, so the linter's cross-language checks run too.
 *
 * <p>Regression inputs (and the real RU sources as seeds):
 * {@code src/test/resources/tj/migrantsguide/content/fuzz/SourceFilesFuzzTestInputs/<method>/}.
 */
class SourceFilesFuzzTest {
    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
    private static final Path GUIDE = guide();

    private static Path guide() {
        try {
            Path root = Files.createTempDirectory("fuzz-guide");
            Files.writeString(root.resolve(SourceLoader.FEED_FILE), "version: 1\nvalid-days: 180\n");
            Files.writeString(root.resolve(SourceLoader.COUNTRIES_FILE), """
                    === country RU
                    name.tg: Федератсияи Россия
                    name.ru: Россия
                    name.en: Russia
                    order: 10
                    """);
            Files.createDirectories(root.resolve("RU"));
            Files.createDirectories(root.resolve("documents"));
            root.toFile().deleteOnExit();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void aSourceFileBecomesPacksOrProblemsNeverAnException(byte[] bytes) throws IOException {
        for (String language : List.of("tg", "ru", "en")) {
            Files.write(GUIDE.resolve("RU").resolve(language + ".txt"), bytes);
        }
        List<Problem> problems = new ArrayList<>();
        EditorialContent content = SourceLoader.load(GUIDE, problems);
        problems.addAll(new Linter(TODAY, Optional.of(GUIDE.resolve("documents")), Linter.RECHECK_AFTER)
                .lint(content));
        for (Problem problem : problems) {
            assertNotNull(problem.file());
            assertNotNull(problem.message());
            // The line a problem names is in the file (or the file's first line).
            if (problem.file().startsWith(GUIDE.resolve("RU")) && problem.line() > 1) {
                int lines = new String(bytes, StandardCharsets.UTF_8).split("\r?\n", -1).length;
                if (problem.line() > lines + 1) {
                    throw new AssertionError("problem at line " + problem.line() + " of a " + lines + "-line file: "
                            + problem);
                }
            }
        }
    }
}
