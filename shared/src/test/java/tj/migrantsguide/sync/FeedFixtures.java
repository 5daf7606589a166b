package tj.migrantsguide.sync;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.feed.SigningKey;
import tj.migrantsguide.guide.Language;

/**
 * Writes the feed fixtures of shared/src/test/resources/feeds/ (each folder's README.md says what it is; the
 * READMEs are written by hand, this writes the feed files). Ed25519 signatures are deterministic, so the same code
 * writes the same bytes: {@link FeedFixturesTest} checks the committed files against it. After changing the feed
 * format, regenerate with
 * {@code mvn -B -q -pl shared test -Dtest=FeedFixturesTest#regenerate -DregenerateFixtures=true}.
 */
final class FeedFixtures {
    /** The time every sync test runs at. */
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Map<Language, String> V2_TITLES = TestFeeds.titles("Бақайдгирӣ", "Регистрация", "Registration");
    /** Version 3 changes the English pack only. */
    static final Map<Language, String> V3_TITLES =
            TestFeeds.titles("Бақайдгирӣ", "Регистрация", "Registration within 15 days");

    static final List<String> FOLDERS = List.of("installed-v2", "next-v3", "tampered-pack", "tampered-index",
            "unknown-key", "rollback", "same-version-other-content", "expired", "mix-and-match", "oversized",
            "truncated", "wrong-content-type", "hanging-server", "gzip-bomb", "key-rotation");

    private FeedFixtures() {}

    /** The committed fixtures, as test resources. */
    static Path committed() {
        try {
            return Path.of(FeedFixtures.class.getResource("/feeds").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path committed(String name) {
        return committed().resolve(name);
    }

    /** Writes every fixture's feed files under {@code root} (READMEs excepted). */
    static void write(Path root) throws IOException {
        SigningKey development = TestKeys.development();
        List<SigningKey> signedByDevelopment = List.of(development);

        TestFeeds.write(root.resolve("installed-v2"), 2, TestFeeds.PUBLISHED, TestFeeds.EXPIRES, V2_TITLES,
                signedByDevelopment, List.of());
        FeedIndex v3 = TestFeeds.write(root.resolve("next-v3"), 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES,
                V3_TITLES, signedByDevelopment, List.of());

        // A pack changed after the index was signed: one letter of its English title.
        Path tamperedPack = root.resolve("tampered-pack");
        TestFeeds.write(tamperedPack, 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES, V3_TITLES, signedByDevelopment,
                List.of());
        Path english = tamperedPack.resolve(v3.pack("RU-en").orElseThrow().file());
        Files.writeString(english, Files.readString(english).replace("within 15 days", "within 90 days"));

        // The index changed after signing: its expiry pushed out by years.
        Path tamperedIndex = root.resolve("tampered-index");
        TestFeeds.write(tamperedIndex, 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES, V3_TITLES, signedByDevelopment,
                List.of());
        Path index = tamperedIndex.resolve(FeedWriter.INDEX);
        Files.writeString(index, Files.readString(index).replace("\"expires\":\"2027-", "\"expires\":\"2099-"));

        TestFeeds.write(root.resolve("unknown-key"), 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES, V3_TITLES,
                List.of(TestKeys.derived("stranger")), List.of());
        TestFeeds.write(root.resolve("rollback"), 1, TestFeeds.PUBLISHED.minusSeconds(30L * 24 * 3600),
                TestFeeds.EXPIRES, TestFeeds.titles("Бақайдгирӣ (кӯҳна)", "Регистрация (старое)", "Registration (old)"),
                signedByDevelopment, List.of());
        TestFeeds.write(root.resolve("same-version-other-content"), 2, TestFeeds.PUBLISHED, TestFeeds.EXPIRES,
                TestFeeds.titles("Бақайдгирӣ", "Регистрация", "Registration (another edition)"),
                signedByDevelopment, List.of());
        TestFeeds.write(root.resolve("expired"), 3, Instant.parse("2026-05-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), V3_TITLES, signedByDevelopment, List.of());

        // The v3 index is genuine; the file at the address of the new English pack holds the v2 English pack.
        Path mix = root.resolve("mix-and-match");
        TestFeeds.write(mix, 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES, V3_TITLES, signedByDevelopment, List.of());
        FeedIndex v2 = readIndex(root.resolve("installed-v2"));
        PackEntry oldEnglish = v2.pack("RU-en").orElseThrow();
        Files.write(mix.resolve(v3.pack("RU-en").orElseThrow().file()),
                Files.readAllBytes(root.resolve("installed-v2").resolve(oldEnglish.file())));

        Path portal = root.resolve("wrong-content-type");
        Files.createDirectories(portal);
        Files.writeString(portal.resolve("portal.html"), """
                <!DOCTYPE html>
                <html><head><title>Wi-Fi login</title></head>
                <body><h1>Welcome to the station Wi-Fi</h1>
                <form method="post" action="/login"><input name="phone"><button>Log in</button></form>
                </body></html>
                """);

        Path bomb = root.resolve("gzip-bomb");
        Files.createDirectories(bomb);
        Files.write(bomb.resolve("index.json.gz"), gzipOfSpaces(16 << 20));

        // Key rotation: A (the development key, pinned) and the root introduce B in version 3; version 4 is signed
        // by B alone. A alone introducing B is the attack of a leaked signing key (issue 18).
        SigningKey b = TestKeys.derived("key-b");
        Path rotation = root.resolve("key-rotation");
        TestFeeds.write(rotation.resolve("v3-signed-by-a-and-root-introduces-b"), 3, TestFeeds.PUBLISHED,
                TestFeeds.EXPIRES, V3_TITLES, List.of(TestKeys.development(), TestKeys.root()), List.of(b.publicKey()));
        TestFeeds.write(rotation.resolve("v3-signed-by-a-introduces-b"), 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES,
                V3_TITLES, signedByDevelopment, List.of(b.publicKey()));
        TestFeeds.write(rotation.resolve("v4-signed-by-b"), 4, TestFeeds.PUBLISHED, TestFeeds.EXPIRES,
                TestFeeds.titles("Бақайдгирӣ", "Регистрация в течение 15 дней", "Registration within 15 days"),
                List.of(b), List.of());

        // Fixtures whose threat is how the server answers (see their READMEs) serve next-v3; they hold no feed.
        for (String folder : List.of("oversized", "truncated", "hanging-server")) {
            Files.createDirectories(root.resolve(folder));
        }
    }

    static FeedIndex readIndex(Path folder) throws IOException {
        try {
            return FeedCodec.readIndex(FeedWriter.INDEX, Files.readAllBytes(folder.resolve(FeedWriter.INDEX)));
        } catch (FeedFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** JSON whitespace, {@code size} bytes of it, gzipped: a few kB that inflate to far past any cap. */
    static byte[] gzipOfSpaces(int size) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] spaces = " ".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < size; written += spaces.length) {
                gzip.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
