package tj.migrantsguide.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.SigningKey;
import tj.migrantsguide.feed.TrustedKeys;

/** Moving the feed to a new key without an app update (fixtures in feeds/key-rotation/). */
class KeyRotationTest {
    @TempDir
    Path temp;

    private final SigningKey b = TestKeys.derived("key-b");
    private FeedServer server;
    private Device device;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (device != null) {
            device.close();
        }
    }

    private static Path rotation(String step) {
        return FeedFixtures.committed("key-rotation").resolve(step);
    }

    /** A build pinning the development key to sign and {@link TestKeys#root()} as the root, as a release pins two. */
    private FeedSource withRoot(Device on) {
        return new FeedSource(server.url(), on.source(server.url()).transport(), TestKeys.pinnedDevelopmentWithRoot(),
                TrustedKeys.none(), Device.FAST);
    }

    @Test
    void aFeedSignedByANewKeyIsRefusedUntilAVersionSignedByTheOldKeyAndTheRootIntroducesIt() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(rotation("v4-signed-by-b"));

        SyncResult before = device.sync(withRoot(device));
        assertEquals(new Rejection.UnknownKey(List.of(b.keyId())),
                assertInstanceOf(SyncResult.Rejected.class, before).rejection());

        server.serve(rotation("v3-signed-by-a-and-root-introduces-b"));
        assertInstanceOf(SyncResult.Updated.class, device.sync(withRoot(device)));
        assertTrue(Sync.trustedKeys(device.data, TestKeys.pinnedDevelopmentWithRoot()).contains(b.keyId()));

        server.serve(rotation("v4-signed-by-b"));
        SyncResult after = device.sync(withRoot(device));
        assertEquals(4, assertInstanceOf(SyncResult.Updated.class, after, after.describe()).to());
    }

    /**
     * The attack of issue 18: whoever holds the signing key (the development key's private half is in the
     * repository) announces their own key, then publishes with it alone. The announcement is refused by name, nothing
     * is installed or learned, and the key-only index that follows is refused as unknown.
     */
    @Test
    void aSigningKeyAloneCannotHandTheDeviceToAnotherKey() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        Device.Content installed = device.content();
        server = FeedServer.serving(rotation("v3-signed-by-a-introduces-b"));

        SyncResult announced = device.sync(withRoot(device));
        assertEquals(new Rejection.UnauthorisedKeys(List.of(b.keyId()), List.of(TestKeys.development().keyId()),
                        List.of(TestKeys.root().keyId())),
                assertInstanceOf(SyncResult.Rejected.class, announced, announced.describe()).rejection());
        assertFalse(Sync.trustedKeys(device.data, TestKeys.pinnedDevelopmentWithRoot()).contains(b.keyId()));
        assertEquals(installed, device.content());

        server.serve(rotation("v4-signed-by-b"));
        SyncResult foreignOnly = device.sync(withRoot(device));
        assertEquals(new Rejection.UnknownKey(List.of(b.keyId())),
                assertInstanceOf(SyncResult.Rejected.class, foreignOnly, foreignOnly.describe()).rejection());
        assertEquals(installed, device.content());
    }

    /**
     * A device that learned a stranger's key before roots were required (trusted-keys.json without "authorised_by")
     * trusts it no more; nor keys authorised by a root its app no longer pins.
     */
    @Test
    void keysLearnedWithoutAPinnedRootAreNotTrusted() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        Path learned = Files.createDirectories(device.data.resolve("sync")).resolve("trusted-keys.json");
        Files.writeString(learned, "{\"from_version\":3,\"keys\":[{\"keyid\":\"" + b.keyId()
                + "\",\"public_key\":\"" + b.publicKey().base64() + "\"}]}");
        server = FeedServer.serving(rotation("v4-signed-by-b"));

        SyncResult oldFile = device.sync(withRoot(device));
        assertEquals(new Rejection.UnknownKey(List.of(b.keyId())),
                assertInstanceOf(SyncResult.Rejected.class, oldFile, oldFile.describe()).rejection());

        Files.writeString(learned, "{\"from_version\":3,\"authorised_by\":\"" + TestKeys.derived("old-root").keyId()
                + "\",\"keys\":[{\"keyid\":\"" + b.keyId() + "\",\"public_key\":\"" + b.publicKey().base64()
                + "\"}]}");
        SyncResult oldRoot = device.sync(withRoot(device));
        assertEquals(Rejection.Reason.UNKNOWN_KEY,
                assertInstanceOf(SyncResult.Rejected.class, oldRoot, oldRoot.describe()).rejection().reason());
        assertFalse(Sync.trustedKeys(device.data, TestKeys.pinnedDevelopmentWithRoot()).contains(b.keyId()));
    }

    @Test
    void aBuildWithoutARootAcceptsNoAnnouncedKeysAndSaysSo() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(rotation("v3-signed-by-a-and-root-introduces-b"));

        SyncResult result = device.sync(server.url());

        Rejection rejection = assertInstanceOf(SyncResult.Rejected.class, result).rejection();
        assertEquals(new Rejection.UnauthorisedKeys(List.of(b.keyId()), List.of(TestKeys.development().keyId()),
                List.of()), rejection);
        assertEquals("rejected: UNAUTHORISED_KEYS (next_keys names " + b.keyId() + ", signed by "
                + TestKeys.development().keyId() + "; this app pins no root key, so it accepts no new keys)",
                result.describe());
    }

    @Test
    void aRootSignatureThatDoesNotMatchTheBytesAuthorisesNothing() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        // The root's signature over another index, pasted beside the signing key's own.
        Path other = temp.resolve("other");
        TestFeeds.write(other, 5, TestFeeds.PUBLISHED, TestFeeds.EXPIRES, FeedFixtures.V3_TITLES,
                List.of(TestKeys.root()), List.of(b.publicKey()));
        String rootSignature = signatures(Files.readString(other.resolve("index.json"))).get(0);
        Path forged = temp.resolve("forged");
        copy(rotation("v3-signed-by-a-introduces-b"), forged);
        String index = Files.readString(forged.resolve("index.json"));
        Files.writeString(forged.resolve("index.json"), index.substring(0, index.length() - 2) + "," + rootSignature
                + "]}");
        server = FeedServer.serving(forged);

        SyncResult result = device.sync(withRoot(device));

        assertEquals(Rejection.Reason.UNAUTHORISED_KEYS,
                assertInstanceOf(SyncResult.Rejected.class, result, result.describe()).rejection().reason());
    }

    private static List<String> signatures(String index) {
        String list = index.substring(index.indexOf("\"signatures\":[") + "\"signatures\":[".length(),
                index.length() - 2);
        return List.of(list.split("(?<=\\}),"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void aKeyTrustedForOneRunIsNotRemembered() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(rotation("v4-signed-by-b"));
        FeedSource forThisRun = device.source(server.url()).trustingForThisRun(TrustedKeys.of(List.of(b.publicKey())));

        assertInstanceOf(SyncResult.Updated.class, device.sync(forThisRun));

        assertFalse(Sync.trustedKeys(device.data, TestKeys.pinnedDevelopmentWithRoot()).contains(b.keyId()));
    }

    @Test
    void anIndexVouchedForOnlyByAKeyTrustedForOneRunTeachesNoKeys() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        SigningKey c = TestKeys.derived("key-c");
        Path feed = temp.resolve("b-introduces-c");
        TestFeeds.write(feed, 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES, FeedFixtures.V3_TITLES,
                List.of(b, TestKeys.root()), List.of(c.publicKey()));
        server = FeedServer.serving(feed);

        assertInstanceOf(SyncResult.Updated.class,
                device.sync(withRoot(device).trustingForThisRun(TrustedKeys.of(List.of(b.publicKey())))));

        assertFalse(Sync.trustedKeys(device.data, TestKeys.pinnedDevelopmentWithRoot()).contains(c.keyId()));
    }
}
