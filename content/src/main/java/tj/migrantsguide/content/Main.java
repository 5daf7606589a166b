package tj.migrantsguide.content;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import tj.migrantsguide.content.lint.Linter;
import tj.migrantsguide.content.publish.Publisher;
import tj.migrantsguide.content.release.ReleaseCheck;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.content.source.Problem;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedKey;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.KeyFileException;
import tj.migrantsguide.feed.SigningKey;

/** {@code guide-content.jar}: the editors' tool. Lints the sources and publishes the feed. */
public final class Main {
    static final String USAGE = """
            Usage: java -jar guide-content.jar COMMAND [OPTIONS]

            Commands:
              lint   [--sources DIR]                check the editorial sources; exit 1 on errors
              build  [--sources DIR] --key KEY --out FEED [--version N] [--next-key PUB] [--snapshot] [--brief]
                                                    lint, then write the feed (index.json + packs/) to FEED,
                                                    signed with the private key file KEY.
                                                    Version defaults to one more than FEED's last published
                                                    (and never below guide/feed.txt); --snapshot uses the
                                                    version in feed.txt (the build uses it for the app's
                                                    built-in content).
                                                    --next-key PUB: public key file(s) devices trust from
                                                    this version on (key rotation). KEY and PUB take a
                                                    comma-separated list: sign with the old and the new key
                                                    while rotating.
                                                    --brief: warnings as a count per rule (errors in full);
                                                    `lint` lists each one.
              keygen --out DIR                      make a new signing key: DIR/private.key (keep it
                                                    secret, off the repository) and DIR/public.key (pin it
                                                    in the app)
              serve --feed FEED --port P [--db FILE] [--jdbc URL] [--host ADDR] [--limits standard|proxy|none]
                    [--trusted-proxy ADDR[,ADDR]]
                                                    run the reference server for a demo: the feed at
                                                    /feed/, the questions API at /v1/questions and the
                                                    desk at /desk (operators' accounts: desk-operator).
                                                    Questions go to FILE (default ./inbox.db) or to a
                                                    JDBC URL (jdbc:postgresql://… for several nodes);
                                                    ADDR defaults to 127.0.0.1. --limits proxy leaves
                                                    per-device limits to nginx in front and keeps the
                                                    desk's wrong passwords per address; none has no
                                                    limits. --trusted-proxy: the proxies (nginx) whose
                                                    X-Forwarded-For names the client; from anyone else
                                                    the header is ignored. Ctrl-C stops.
              desk-operator --name NAME [--role operator|supervisor] [--db FILE | --jdbc URL]
                                                    add a desk operator (the first supervisor); the
                                                    password from $GUIDE_DESK_NEW_PASSWORD.
              release-check --keys DIR --signing-key KEY --feed-url URL --questions-url URL --download-url URL
                                                    what the release profile (mvn -Prelease) runs first:
                                                    exit 1, naming each problem, if the app would pin the
                                                    development key, no production signing key (DIR/public.key)
                                                    or root key (DIR/root.key) was supplied, a root key also
                                                    signs, the snapshot is signed by the development key, or
                                                    an address is not a real https one
              --help                                this text

            DIR defaults to ./content/guide, or ./guide when run inside content/.
            content/keys/development/ holds the DEVELOPMENT key: for tests and the demo only. Devices of a
            release build do not trust it. See docs/feed-format.md.
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
                case "keygen" -> keygen(arguments, out, err);
                case "serve" -> Serve.run(arguments, out, err, System.getenv());
                case "desk-operator" -> DeskOperator.run(arguments, out, err, System.getenv(), clock);
                case "release-check" -> releaseCheck(arguments, out, err);
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
        return report(problems, content, out, err, false);
    }

    private static int build(Arguments arguments, PrintStream out, PrintStream err, Clock clock)
            throws IOException, Arguments.UsageException {
        Path feedFolder = Path.of(arguments.required("--out"));
        List<SigningKey> signers = new ArrayList<>();
        List<FeedKey> nextKeys = new ArrayList<>();
        try {
            for (Path file : paths(arguments.required("--key"))) {
                signers.add(FeedKeys.readPrivateKeyFile(file.toString(), Files.readString(file)));
            }
            if (arguments.value("--next-key").isPresent()) {
                for (Path file : paths(arguments.value("--next-key").get())) {
                    nextKeys.addAll(FeedKeys.readPublicKeyFile(file.toString(), Files.readString(file)));
                }
            }
        } catch (KeyFileException e) {
            err.println("build refused: " + e.getMessage());
            return 1;
        }
        List<Problem> problems = new ArrayList<>();
        EditorialContent content = SourceLoader.load(sources(arguments), problems);
        problems.addAll(new Linter(clock).lint(content));
        if (report(problems, content, out, err, arguments.flag("--brief")) != 0) {
            err.println("build refused: fix the errors above first");
            return 1;
        }
        long version;
        boolean snapshot = arguments.flag("--snapshot");
        // A snapshot folder is build output: whatever an earlier build left there does not count.
        OptionalLong last = snapshot ? OptionalLong.empty() : Publisher.lastPublishedVersion(feedFolder);
        if (snapshot) {
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
        FeedIndex index = new Publisher(clock).publish(content, version, feedFolder, signers, nextKeys);
        if (snapshot) {
            // The app embeds the whole folder; packs of earlier builds would only make the jar bigger.
            Publisher.removePacksNotListed(feedFolder, index);
        }
        out.printf("published version %d with %d packs to %s, signed by %s%n", index.version(), index.packs().size(),
                feedFolder, String.join(", ", signers.stream().map(SigningKey::keyId).toList()));
        if (!nextKeys.isEmpty()) {
            // Devices believe next_keys only with a root's signature (docs/feed-format.md, "Keys: who is trusted").
            err.println("note: next_keys announces " + String.join(", ", nextKeys.stream().map(FeedKey::shortId)
                    .toList()) + ": devices accept it only if one of the --key keys is a root key their app pins"
                    + " (root.key); else they refuse this version with UNAUTHORISED_KEYS.");
        }
        if (!snapshot
                && signers.stream().anyMatch(k -> k.keyId().equals(FeedKeys.DEVELOPMENT_KEY_ID))) {
            err.println("warning: signed with the DEVELOPMENT key (content/keys/development): only development builds"
                    + " trust it. Publish to users with your own key (guide-content.jar keygen).");
        }
        return 0;
    }

    /** The release profile's gate: every problem named, exit 1 if there is one (docs/feed-format.md, "Release"). */
    private static int releaseCheck(Arguments arguments, PrintStream out, PrintStream err) {
        Map<String, String> addresses = new java.util.LinkedHashMap<>();
        addresses.put("feed.url", arguments.value("--feed-url").orElse(""));
        addresses.put("questions.url", arguments.value("--questions-url").orElse(""));
        addresses.put("app.download.url", arguments.value("--download-url").orElse(""));
        List<ReleaseCheck.Problem> problems = ReleaseCheck.check(new ReleaseCheck.Release(
                arguments.value("--keys").orElse(""), arguments.value("--signing-key").orElse(""), addresses));
        if (problems.isEmpty()) {
            out.println("release check passed: production keys only, real https addresses");
            return 0;
        }
        for (ReleaseCheck.Problem problem : problems) {
            err.println("release refused: " + problem.describe());
        }
        err.println("A release build pins the production keys and real addresses: mvn -Prelease package"
                + " -Dfeed.trusted.keys.dir=DIR -Dfeed.signing.key=KEY -Dfeed.url=https://… -Dquestions.url=https://…"
                + " -Dapp.download.url=https://… (docs/feed-format.md, \"A release build\").");
        return 1;
    }

    /** Makes a new key pair; refuses to overwrite one (a lost key cannot be made again). */
    private static int keygen(Arguments arguments, PrintStream out, PrintStream err)
            throws IOException, Arguments.UsageException {
        Path folder = Path.of(arguments.required("--out"));
        Path privateFile = folder.resolve("private.key");
        Path publicFile = folder.resolve("public.key");
        for (Path file : List.of(privateFile, publicFile)) {
            if (Files.exists(file)) {
                err.println("keygen refused: " + file + " exists; a key is never overwritten");
                return 1;
            }
        }
        Files.createDirectories(folder);
        SigningKey key = FeedKeys.generate(new SecureRandom());
        Files.writeString(publicFile, FeedKeys.writePublicKeyFile(List.of(key.publicKey())));
        Files.createFile(privateFile, privateFilePermissions(folder));
        Files.writeString(privateFile, FeedKeys.writePrivateKeyFile(key));
        out.println("key id:      " + key.keyId());
        out.println("private key: " + privateFile + "  (secret: keep it off the repository and off devices)");
        out.println("public key:  " + publicFile + "  (pin it in the app, or announce it with build --next-key)");
        return 0;
    }

    private static FileAttribute<?>[] privateFilePermissions(Path folder) {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    private static List<Path> paths(String commaSeparated) {
        List<Path> paths = new ArrayList<>();
        for (String part : commaSeparated.split(",")) {
            if (!part.isBlank()) {
                paths.add(Path.of(part.strip()));
            }
        }
        return paths;
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

    /**
     * Prints errors in full; warnings in full too, or with {@code brief} as one line per rule, so that a build
     * log stays readable while known warnings (numbers not yet verified) wait for an editor.
     */
    private static int report(List<Problem> problems, EditorialContent content, PrintStream out, PrintStream err,
            boolean brief) {
        long errors = problems.stream().filter(Problem::isError).count();
        Map<String, Long> warningsByRule = new TreeMap<>();
        for (Problem problem : problems) {
            if (problem.isError()) {
                err.println(problem);
            } else if (brief) {
                warningsByRule.merge(problem.code(), 1L, Long::sum);
            } else {
                out.println(problem);
            }
        }
        warningsByRule.forEach((rule, count) -> out.printf("warnings [%s]: %d%n", rule, count));
        if (!warningsByRule.isEmpty()) {
            out.println("(run `guide-content.jar lint` to see each warning with its file and line)");
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
