package tj.migrantsguide.content;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import tj.migrantsguide.content.lint.Linter;
import tj.migrantsguide.content.publish.Publisher;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.feed.FeedIndex;

/** {@code guide-content.jar}: the editors' tool. Lints the sources and publishes the feed. */
public final class Main {
    static final String USAGE = """
            Usage: java -jar guide-content.jar COMMAND [OPTIONS]

            Commands:
              lint  [--sources DIR]                 check the editorial sources; exit 1 on errors
              build [--sources DIR] --out FEED [--version N] [--snapshot]
                                                    lint, then write the feed (index.json + packs/) to FEED.
                                                    Version defaults to one more than FEED's last published
                                                    (and never below guide/feed.txt); --snapshot uses the
                                                    version in feed.txt (the build uses it for the app's
                                                    built-in content).
              serve --feed FEED --port P [--db FILE] [--jdbc URL] [--host ADDR]
                                                    run the reference server for a demo: the feed at
                                                    /feed/, the questions API at /v1/questions and the
                                                    desk at /desk (user "desk", password from
                                                    $GUIDE_DESK_PASSWORD, else one is made and printed).
                                                    Questions go to FILE (default ./inbox.db) or to a
                                                    JDBC URL; ADDR defaults to 127.0.0.1. Ctrl-C stops.
              --help                                this text

            DIR defaults to ./content/guide, or ./guide when run inside content/.
            """;

    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        System.exit(run(args, out, err, Clock.systemUTC()));
    }

    static int run(String[] args, PrintStream out, PrintStream err, Clock clock) {
        try {
            Arguments arguments = Arguments.parse(args);
            if (arguments.command().isEmpty() || arguments.flag("--help")) {
                out.print(USAGE);
                return arguments.command().isEmpty() && !arguments.flag("--help") ? 2 : 0;
            }
            return switch (arguments.command().get()) {
                case "lint" -> lint(arguments, out, err, clock);
                case "build" -> build(arguments, out, err, clock);
                case "serve" -> Serve.run(arguments, out, err, System.getenv());
                default -> {
                    err.println("unknown command: " + arguments.command().get());
                    err.print(USAGE);
                    yield 2;
                }
            };
        } catch (Arguments.UsageException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    private static int lint(Arguments arguments, PrintStream out, PrintStream err, Clock clock) throws IOException {
        List<Problem> problems = new ArrayList<>();
        EditorialContent content = SourceLoader.load(sources(arguments), problems);
        problems.addAll(new Linter(clock).lint(content));
        return report(problems, content, out, err);
    }

    private static int build(Arguments arguments, PrintStream out, PrintStream err, Clock clock)
            throws IOException, Arguments.UsageException {
        Path feedFolder = Path.of(arguments.required("--out"));
        List<Problem> problems = new ArrayList<>();
        EditorialContent content = SourceLoader.load(sources(arguments), problems);
        problems.addAll(new Linter(clock).lint(content));
        if (report(problems, content, out, err) != 0) {
            err.println("build refused: fix the errors above first");
            return 1;
        }
        long version;
        OptionalLong last = Publisher.lastPublishedVersion(feedFolder);
        if (arguments.flag("--snapshot")) {
            version = content.snapshotVersion();
        } else if (arguments.value("--version").isPresent()) {
            version = parseVersion(arguments.value("--version").get());
            if (last.isPresent() && version <= last.getAsLong()) {
                err.println("build refused: version " + version + " is not newer than the last published ("
                        + last.getAsLong() + ") in " + feedFolder);
                return 1;
            }
        } else {
            version = Math.max(content.snapshotVersion(), last.orElse(0) + 1);
        }
        FeedIndex index = new Publisher(clock).publish(content, version, feedFolder);
        out.printf("published version %d with %d packs to %s%n", index.version(), index.packs().size(), feedFolder);
        return 0;
    }

    private static long parseVersion(String text) throws Arguments.UsageException {
        try {
            long version = Long.parseLong(text);
            if (version < 1) {
                throw new Arguments.UsageException("--version must be 1 or more");
            }
            return version;
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException("--version must be a whole number: " + text);
        }
    }

    private static int report(List<Problem> problems, EditorialContent content, PrintStream out, PrintStream err) {
        long errors = problems.stream().filter(Problem::isError).count();
        for (Problem problem : problems) {
            (problem.isError() ? err : out).println(problem);
        }
        out.printf("%d countries, %d packs: %d errors, %d warnings%n", content.common().countries().size(),
                content.countryPacks().size(), errors, problems.size() - errors);
        return errors == 0 ? 0 : 1;
    }

    private static Path sources(Arguments arguments) {
        if (arguments.value("--sources").isPresent()) {
            return Path.of(arguments.value("--sources").get());
        }
        Path fromRoot = Path.of("content", "guide");
        return Files.isDirectory(fromRoot) ? fromRoot : Path.of("guide");
    }
}
