package tj.migrantsguide.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aFeedSignedByANewKeyIsRefusedUntilAVersionSignedByTheOldKeyIntroducesIt() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(rotation("v4-signed-by-b"));

        SyncResult before = device.sync(server.url());
        assertEquals(new Rejection.UnknownKey(List.of(b.keyId())),
                assertInstanceOf(SyncResult.Rejected.class, before).rejection());

        server.serve(rotation("v3-signed-by-a-introduces-b"));
        assertInstanceOf(SyncResult.Updated.class, device.sync(server.url()));
        assertTrue(Sync.trustedKeys(device.data, TestKeys.pinnedDevelopment()).contains(b.keyId()));

        server.serve(rotation("v4-signed-by-b"));
        SyncResult after = device.sync(server.url());
        assertEquals(4, assertInstanceOf(SyncResult.Updated.class, after, after.describe()).to());
    }

    @Test
    void aKeyTrustedForOneRunIsNotRemembered() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        server = FeedServer.serving(rotation("v4-signed-by-b"));
        FeedSource forThisRun = device.source(server.url()).trustingForThisRun(TrustedKeys.of(List.of(b.publicKey())));

        assertInstanceOf(SyncResult.Updated.class, device.sync(forThisRun));

        assertFalse(Sync.trustedKeys(device.data, TestKeys.pinnedDevelopment()).contains(b.keyId()));
    }

    @Test
    void anIndexVouchedForOnlyByAKeyTrustedForOneRunTeachesNoKeys() throws Exception {
        device = Device.withInstalled(temp.resolve("data"), FeedFixtures.committed("installed-v2"));
        SigningKey c = TestKeys.derived("key-c");
        Path feed = temp.resolve("b-introduces-c");
        TestFeeds.write(feed, 3, TestFeeds.PUBLISHED, TestFeeds.EXPIRES, FeedFixtures.V3_TITLES, List.of(b),
                List.of(c.publicKey()));
        server = FeedServer.serving(feed);

        assertInstanceOf(SyncResult.Updated.class,
                device.sync(device.source(server.url()).trustingForThisRun(TrustedKeys.of(List.of(b.publicKey())))));

        assertFalse(Sync.trustedKeys(device.data, TestKeys.pinnedDevelopment()).contains(c.keyId()));
    }
}
