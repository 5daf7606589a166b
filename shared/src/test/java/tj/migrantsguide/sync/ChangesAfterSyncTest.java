package tj.migrantsguide.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.store.ContentChanges;
import tj.migrantsguide.store.ItemChange;

/** What changed, recorded by a real sync over loopback, and nothing recorded by a sync that was refused. */
class ChangesAfterSyncTest {
    @TempDir
    Path temp;

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

    /**
     * Version 2 of the test feed: in English only, the hotline's number changed, the registration article removed
     * and an article on the patent added. The other packs are as in version 1.
     */
    static Path version2(Path folder) throws Exception {
        List<CountryPack> packs = new ArrayList<>();
        for (Language language : Language.values()) {
            CountryPack pack = TestFeeds.russia(language, "Registration (" + language.code() + ")");
            if (language == Language.ENGLISH) {
                Contact hotline = pack.contacts().get(0);
                Contact renumbered = new Contact(hotline.id(), "RU", hotline.kind(), language, hotline.name(),
                        List.of(new Phone("", "227-07-07-08")), "", "", "", "", "", "", hotline.sources(),
                        hotline.verified(), true, hotline.sortOrder());
                Article patent = new Article("work-patent", "RU", pack.articles().get(0).stage(), language,
                        "Work patent", "You need a patent to work.", pack.articles().get(0).sources(),
                        pack.articles().get(0).verified(), 1);
                pack = new CountryPack("RU", language, List.of(patent), List.of(renumbered), pack.checklists());
            }
            packs.add(pack);
        }
        FeedWriter.write(folder, 2, TestFeeds.PUBLISHED.plusSeconds(60), TestFeeds.EXPIRES, TestFeeds.common(),
                packs, List.of(), List.of(TestKeys.development()));
        return folder;
    }

    private Device deviceAtVersion1() throws Exception {
        return Device.withInstalled(temp.resolve("data"), TestFeeds.writeFeed(temp.resolve("v1"), 1, "Registration"));
    }

    @Test
    void aChangedNumberAnAddedAndARemovedArticleEachAppearOnceAfterASync() throws Exception {
        device = deviceAtVersion1();
        server = FeedServer.serving(version2(temp.resolve("v2")));

        assertInstanceOf(SyncResult.Updated.class, device.sync(server.url()));

        List<ContentChanges> updates = device.store.changes(0, Optional.empty());
        assertEquals(1, updates.size());
        List<ItemChange> items = updates.get(0).items();
        assertEquals(List.of("en work-patent added", "en registration-15-days removed",
                "en trafficking-hotline-227 changed 227-07-07-07 → 227-07-07-08"),
                items.stream().map(ChangesAfterSyncTest::line).toList());
        assertEquals("2 articles, 1 contact, 1 phone number changed",
                updates.get(0).summary(Language.ENGLISH).describe());
        assertEquals(List.of(), updates.get(0).in(Language.TAJIK));
    }

    @Test
    void aRefusedSyncRecordsNothing() throws Exception {
        device = deviceAtVersion1();
        Path v2 = version2(temp.resolve("v2"));
        FeedIndex index = FeedFixtures.readIndex(v2);
        // The English pack altered on the server, same size: TAMPERED_PACK.
        Path pack = v2.resolve(index.pack("RU-en").orElseThrow().file());
        byte[] bytes = Files.readAllBytes(pack);
        bytes[bytes.length / 2] ^= 1;
        Files.write(pack, bytes);
        server = FeedServer.serving(v2);

        SyncResult result = device.sync(server.url());

        assertEquals(Rejection.Reason.TAMPERED_PACK, assertInstanceOf(SyncResult.Rejected.class, result).reason());
        assertEquals(List.of(), device.store.changes(0, Optional.empty()));
    }

    @Test
    void anOlderFeedRecordsNothing() throws Exception {
        device = deviceAtVersion1();
        server = FeedServer.serving(version2(temp.resolve("v2")));
        device.sync(server.url());
        server.serve(temp.resolve("v1"));

        SyncResult result = device.sync(server.url());

        assertEquals(Rejection.Reason.ROLLBACK, assertInstanceOf(SyncResult.Rejected.class, result).reason());
        assertEquals(1, device.store.changes(0, Optional.empty()).size());
    }

    private static String line(ItemChange item) {
        StringBuilder text = new StringBuilder(item.language().code() + " " + item.id() + " " + item.change().code());
        for (ItemChange.NumberChange n : item.numbers()) {
            text.append(' ').append(n.before().orElse("")).append(" → ").append(n.after().orElse(""));
        }
        return text.toString();
    }
}
