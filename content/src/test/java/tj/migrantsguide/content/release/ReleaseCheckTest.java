package tj.migrantsguide.content.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.content.release.ReleaseCheck.Kind;
import tj.migrantsguide.content.release.ReleaseCheck.Problem;
import tj.migrantsguide.content.release.ReleaseCheck.Release;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.SigningKey;

/** The release gate: a build that would trust the development key, or ship placeholder addresses, is refused. */
class ReleaseCheckTest {
    static final Path DEVELOPMENT_KEYS = Path.of("keys", "development");

    @TempDir
    Path temp;

    private final SigningKey production = TestKeys.derived("production signing");
    private final SigningKey root = TestKeys.derived("production root");

    static Map<String, String> realAddresses() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put("feed.url", "https://guide.release-test.tj/feed/");
        addresses.put("questions.url", "https://inbox.release-test.tj/");
        addresses.put("app.download.url", "https://guide.release-test.tj/get-the-app");
        return addresses;
    }

    private Path trustSet(String name, List<SigningKey> signing, List<SigningKey> roots) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        if (!signing.isEmpty()) {
            Files.writeString(folder.resolve("public.key"),
                    FeedKeys.writePublicKeyFile(signing.stream().map(SigningKey::publicKey).toList()));
        }
        if (!roots.isEmpty()) {
            Files.writeString(folder.resolve("root.key"),
                    FeedKeys.writePublicKeyFile(roots.stream().map(SigningKey::publicKey).toList()));
        }
        return folder;
    }

    private Path privateKey(SigningKey key) throws IOException {
        Path file = temp.resolve(key.keyId().substring(0, 8) + ".private.key");
        Files.writeString(file, FeedKeys.writePrivateKeyFile(key));
        return file;
    }

    private static List<Kind> kinds(List<Problem> problems) {
        return problems.stream().map(Problem::kind).toList();
    }

    @Test
    void aReleaseWithProductionKeysAndRealAddressesPasses() throws IOException {
        Release release = new Release(trustSet("keys", List.of(production), List.of(root)).toString(),
                privateKey(production).toString(), realAddresses());

        assertEquals(List.of(), ReleaseCheck.check(release));
    }

    @Test
    void aTrustSetHoldingTheDevelopmentKeyBesideTheProductionOneIsRefused() throws IOException {
        Release release = new Release(
                trustSet("keys", List.of(production, TestKeys.development()), List.of(root)).toString(),
                privateKey(production).toString(), realAddresses());

        List<Problem> problems = ReleaseCheck.check(release);

        assertEquals(List.of(Kind.DEVELOPMENT_KEY_TRUSTED), kinds(problems));
        assertEquals(TestKeys.development().publicKey().shortId(), problems.get(0).subject());
    }

    @Test
    void theDevelopmentKeyAsRootIsRefused() throws IOException {
        Release release = new Release(
                trustSet("keys", List.of(production), List.of(TestKeys.development())).toString(),
                privateKey(production).toString(), realAddresses());

        assertEquals(List.of(Kind.DEVELOPMENT_KEY_TRUSTED), kinds(ReleaseCheck.check(release)));
    }

    @Test
    void theDevelopmentBuildsOwnSettingsAreRefusedOnEveryCount() {
        Map<String, String> development = new LinkedHashMap<>();
        development.put("feed.url", "http://127.0.0.1:8080/feed/");
        development.put("questions.url", "http://127.0.0.1:8080/");
        development.put("app.download.url", "http://127.0.0.1:8080/get-the-app");
        Release release = new Release(DEVELOPMENT_KEYS.toString(),
                DEVELOPMENT_KEYS.resolve("private.key").toString(), development);

        List<Kind> kinds = kinds(ReleaseCheck.check(release));

        assertEquals(List.of(Kind.NO_ROOT_KEY, Kind.DEVELOPMENT_KEY_TRUSTED, Kind.DEVELOPMENT_KEY_SIGNS_SNAPSHOT,
                Kind.PLACEHOLDER_ADDRESS, Kind.PLACEHOLDER_ADDRESS, Kind.PLACEHOLDER_ADDRESS), kinds);
    }

    @Test
    void noProductionKeySuppliedIsRefused() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        Map<String, String> unset = new LinkedHashMap<>();
        unset.put("feed.url", "${feed.url}");
        unset.put("questions.url", "");
        unset.put("app.download.url", "${app.download.url}");

        List<Problem> problems = ReleaseCheck.check(new Release(empty.toString(), "${feed.signing.key}", unset));

        assertEquals(List.of(Kind.NO_SIGNING_KEY, Kind.NO_ROOT_KEY, Kind.NOT_SET, Kind.NOT_SET, Kind.NOT_SET,
                Kind.NOT_SET), kinds(problems));
        assertEquals(List.of(Kind.NOT_SET, Kind.NOT_SET, Kind.NOT_SET, Kind.NOT_SET, Kind.NOT_SET),
                kinds(ReleaseCheck.check(new Release("${feed.trusted.keys.dir}", "", unset))));
    }

    @Test
    void aRootKeyThatAlsoSignsIsRefused() throws IOException {
        Release release = new Release(trustSet("keys", List.of(production, root), List.of(root)).toString(),
                privateKey(production).toString(), realAddresses());

        assertEquals(List.of(Kind.ROOT_KEY_ALSO_SIGNS), kinds(ReleaseCheck.check(release)));
    }

    @Test
    void aSnapshotSignedByAKeyTheAppDoesNotPinIsRefused() throws IOException {
        Release release = new Release(trustSet("keys", List.of(production), List.of(root)).toString(),
                privateKey(TestKeys.derived("someone else")).toString(), realAddresses());

        assertEquals(List.of(Kind.SNAPSHOT_KEY_NOT_PINNED), kinds(ReleaseCheck.check(release)));
    }

    @Test
    void placeholderAddressesAreRefusedAndRealOnesPass() {
        for (String placeholder : List.of("http://127.0.0.1:8080/get-the-app", "https://127.0.0.1/feed/",
                "https://localhost/feed/", "https://10.0.0.5/", "https://192.168.1.2/", "https://[::1]/",
                "http://guide.release-test.tj/", "https://example.org/feed/", "https://inbox.example/",
                "https://…/get-the-app", "ftp://guide.release-test.tj/", "not an address", "https:///feed/")) {
            assertTrue(ReleaseCheck.address("app.download.url", placeholder).isPresent(), placeholder);
        }
        for (String real : realAddresses().values()) {
            assertTrue(ReleaseCheck.address("feed.url", real).isEmpty(), real);
        }
    }
}
