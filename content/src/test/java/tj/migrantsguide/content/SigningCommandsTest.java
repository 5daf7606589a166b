package tj.migrantsguide.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedKey;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.IndexEnvelope;
import tj.migrantsguide.feed.SigningKey;
import tj.migrantsguide.feed.TrustedKeys;

/** {@code keygen} and {@code build --key}: the feed leaves the editor's machine signed. */
class SigningCommandsTest {
    // The real guide carries items verified up to 2026-12-03 (issue 21); a clock before that would call them future-dated.
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void keygenWritesAPrivateKeyOnlyItsOwnerCanReadAndAMatchingPublicKey() throws Exception {
        Path keys = temp.resolve("keys");
        Run keygen = run("keygen", "--out", keys.toString());

        assertEquals(0, keygen.code(), keygen.err());
        SigningKey key = FeedKeys.readPrivateKeyFile("private.key", Files.readString(keys.resolve("private.key")));
        FeedKey pinned = FeedKeys.readPublicKeyFile("public.key", Files.readString(keys.resolve("public.key"))).get(0);
        assertEquals(key.publicKey(), pinned);
        assertTrue(keygen.out().contains(key.keyId()));
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keys.resolve("private.key")));
    }

    @Test
    void keygenNeverOverwritesAKey() throws Exception {
        Path keys = temp.resolve("keys");
        assertEquals(0, run("keygen", "--out", keys.toString()).code());
        String before = Files.readString(keys.resolve("private.key"));

        Run again = run("keygen", "--out", keys.toString());

        assertEquals(1, again.code());
        assertTrue(again.err().contains("never overwritten"), again.err());
        assertEquals(before, Files.readString(keys.resolve("private.key")));
    }

    @Test
    void buildSignsTheFeedWithTheGivenKeyAndAnnouncesTheNextKeys() throws Exception {
        Path keys = temp.resolve("keys");
        Path next = temp.resolve("next");
        run("keygen", "--out", keys.toString());
        run("keygen", "--out", next.toString());
        SigningKey key = FeedKeys.readPrivateKeyFile("k", Files.readString(keys.resolve("private.key")));
        FeedKey nextKey = FeedKeys.readPublicKeyFile("n", Files.readString(next.resolve("public.key"))).get(0);
        Path feed = temp.resolve("feed");

        Run build = run("build", "--sources", "guide", "--key", keys.resolve("private.key").toString(),
                "--next-key", next.resolve("public.key").toString(), "--out", feed.toString());

        assertEquals(0, build.code(), build.err());
        byte[] file = Files.readAllBytes(feed.resolve("index.json"));
        assertInstanceOf(TrustedKeys.Verification.Verified.class,
                TrustedKeys.of(List.of(key.publicKey())).verify(IndexEnvelope.parse("index.json", file)));
        FeedIndex index = tj.migrantsguide.feed.FeedCodec.readIndex("index.json", file);
        assertEquals(List.of(nextKey), index.nextKeys());
        assertFalse(build.err().contains("DEVELOPMENT"), build.err());
        assertTrue(build.err().contains("only if one of the --key keys is a root key their app pins"), build.err());
    }

    @Test
    void buildRefusesWithoutAUsablePrivateKeyAndWritesNothing() throws Exception {
        Path feed = temp.resolve("feed");
        Run missing = run("build", "--sources", "guide", "--out", feed.toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--key is required"), missing.err());

        Run publicOnly = run("build", "--sources", "guide", "--key",
                DevelopmentKey.FOLDER.resolve("public.key").toString(), "--out", feed.toString());
        assertEquals(1, publicOnly.code());
        assertTrue(publicOnly.err().contains("public key file"), publicOnly.err());
        assertFalse(Files.exists(feed.resolve("index.json")));
    }

    @Test
    void buildWarnsWhenItSignsWithTheDevelopmentKey() {
        Run build = run("build", "--sources", "guide", "--key", DevelopmentKey.FOLDER.resolve("private.key").toString(),
                "--out", temp.resolve("feed").toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.err().contains("signed with the DEVELOPMENT key"), build.err());
    }

    @Test
    void briefBuildCountsWarningsPerRuleWhileLintListsEachOne() {
        String key = DevelopmentKey.FOLDER.resolve("private.key").toString();
        Run brief = run("build", "--sources", "guide", "--key", key, "--out", temp.resolve("feed").toString(),
                "--snapshot", "--brief");
        Run lint = run("lint", "--sources", "guide");

        assertEquals(0, brief.code(), brief.err());
        long listed = lint.out().lines().filter(line -> line.contains(": warning [")).count();
        long counted = brief.out().lines().filter(line -> line.startsWith("warnings ["))
                .mapToLong(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1))).sum();
        assertTrue(listed > 0, "the real guide has warnings (numbers not yet verified): " + lint.out());
        assertEquals(listed, counted, brief.out());
        assertFalse(brief.out().contains(": warning ["), brief.out());
    }
}
