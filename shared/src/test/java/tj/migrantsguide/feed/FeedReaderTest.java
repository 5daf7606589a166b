package tj.migrantsguide.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.guide.Language;

class FeedReaderTest {
    @TempDir
    Path temp;

    @Test
    void readsBackEveryPackOfAWrittenFeed() throws Exception {
        Feed feed = FeedReader.read(FeedFiles.directory(TestFeeds.writeFeed(temp, 7, "Register")));

        assertEquals(7, feed.index().version());
        assertEquals(1, feed.common().countries().size());
        assertEquals(3, feed.countryPacks().size());
        assertEquals(TestFeeds.russia(Language.ENGLISH, "Register (en)"),
                feed.countryPacks().stream().filter(p -> p.language() == Language.ENGLISH).findFirst().orElseThrow());
    }

    @Test
    void refusesAPackWhoseBytesDoNotMatchTheIndexHash() throws Exception {
        Path folder = TestFeeds.writeFeed(temp, 7, "Register");
        Path pack;
        try (var packs = Files.list(folder.resolve("packs"))) {
            pack = packs.findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pack);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(pack, bytes);

        FeedFormatException e = assertThrows(FeedFormatException.class, () -> FeedReader.read(FeedFiles.directory(folder)));
        assertTrue(e.problem().startsWith("SHA-256"), e.problem());
    }

    @Test
    void refusesAFileOutsideTheFeedFolder() throws Exception {
        Path folder = TestFeeds.writeFeed(temp.resolve("feed"), 7, "Register");
        Files.writeString(temp.resolve("secret.txt"), "x");
        assertThrows(java.io.FileNotFoundException.class, () -> FeedFiles.directory(folder).open("../secret.txt"));
    }

    @Test
    void namesTheMissingFieldOfABrokenIndex() {
        FeedFormatException e = assertThrows(FeedFormatException.class,
                () -> FeedCodec.readIndex("index.json", "{\"signed\":{\"format\":2,\"version\":2},\"signatures\":[]}"
                        .getBytes()));
        assertEquals("missing field 'published'", e.problem());
    }
}
