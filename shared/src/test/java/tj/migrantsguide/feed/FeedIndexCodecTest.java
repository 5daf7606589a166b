package tj.migrantsguide.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.TestKeys;

class FeedIndexCodecTest {
    private static final String SHA = "0".repeat(64);
    private static final Instant PUBLISHED = Instant.parse("2026-11-01T00:00:00Z");

    private static FeedIndex index(List<PackEntry> packs, List<FeedKey> nextKeys) {
        return new FeedIndex(FeedIndex.FORMAT, 4, PUBLISHED, PUBLISHED.plusSeconds(86_400), packs, nextKeys);
    }

    @Test
    void anIndexReadsBackWithItsNextKeys() throws Exception {
        FeedIndex index = index(List.of(new PackEntry("common", PackEntry.fileFor(SHA), 10, SHA)),
                List.of(TestKeys.derived("key-b").publicKey()));

        assertEquals(index, FeedCodec.readIndex("index.json", FeedCodec.writeIndex(index, List.of(TestKeys.development()))));
    }

    @Test
    void packsMayOnlyBeContentAddressedFilesOfTheFeed() {
        for (String file : List.of("../secret.json", "https://elsewhere.example/p.json", "packs/" + "1".repeat(64) + ".json")) {
            FeedIndex index = index(List.of(new PackEntry("common", file, 10, SHA)), List.of());
            FeedFormatException e = assertThrows(FeedFormatException.class,
                    () -> FeedCodec.readIndex("index.json", FeedCodec.writeIndex(index)));
            assertTrue(e.problem().contains("file must be packs/" + SHA + ".json"), e.problem());
        }
    }

    @Test
    void refusesAPackListedTwiceAndAnIndexWithoutTheCommonPack() {
        PackEntry common = new PackEntry("common", PackEntry.fileFor(SHA), 10, SHA);
        assertEquals("pack 'common' is listed twice", assertThrows(FeedFormatException.class,
                () -> FeedCodec.readIndex("i", FeedCodec.writeIndex(index(List.of(common, common), List.of()))))
                .problem());
        PackEntry russian = new PackEntry("RU-ru", PackEntry.fileFor(SHA), 10, SHA);
        assertEquals("no 'common' pack listed", assertThrows(FeedFormatException.class,
                () -> FeedCodec.readIndex("i", FeedCodec.writeIndex(index(List.of(russian), List.of())))).problem());
    }

    @Test
    void aNewerFormatIsNamedAsSuch() {
        String body = "{\"signed\":{\"format\":3,\"version\":9},\"signatures\":[]}";
        UnsupportedFormatException e = assertInstanceOf(UnsupportedFormatException.class, assertThrows(
                FeedFormatException.class, () -> FeedCodec.readIndex("i", body.getBytes(StandardCharsets.UTF_8))));
        assertEquals(3, e.format());
    }

    @Test
    void theVersionAloneIsReadAsTheWholeIndexReadsIt() throws Exception {
        PackEntry common = new PackEntry("common", "packs/" + SHA + ".json", 10, SHA);
        byte[] file = FeedCodec.writeIndex(index(List.of(common), List.of(TestKeys.development().publicKey())),
                List.of(TestKeys.development()));

        assertEquals(FeedCodec.readIndex("index.json", file).version(), IndexVersion.of("index.json", file));
        assertEquals(4, IndexVersion.of("index.json", file));
    }

    @Test
    void theVersionAloneIsRefusedByNameWhenTheIndexCannotSayIt() {
        UnsupportedFormatException newer = assertInstanceOf(UnsupportedFormatException.class, assertThrows(
                FeedFormatException.class, () -> IndexVersion.of("i", envelope("{\"format\":3,\"version\":9}"))));
        assertEquals(3, newer.format());
        for (String signed : List.of("{\"format\":2}", "{\"format\":2,\"version\":\"9\"}",
                "{\"format\":2,\"version\":0}", "{\"format\":2,\"version\":99999999999999999999}", "[2]")) {
            FeedFormatException e = assertThrows(FeedFormatException.class, () -> IndexVersion.of("i", envelope(signed)),
                    signed);
            assertEquals("i", e.file(), signed);
        }
        assertThrows(FeedFormatException.class, () -> IndexVersion.of("i", "not json".getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] envelope(String signed) {
        return ("{\"signed\":" + signed + ",\"signatures\":[]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void refusesANextKeyWhoseIdIsNotItsOwn() {
        FeedIndex index = index(List.of(new PackEntry("common", PackEntry.fileFor(SHA), 10, SHA)),
                List.of(TestKeys.derived("key-b").publicKey()));
        String file = new String(FeedCodec.writeIndex(index), StandardCharsets.UTF_8)
                .replace(TestKeys.derived("key-b").keyId(), TestKeys.development().keyId());
        FeedFormatException e = assertThrows(FeedFormatException.class,
                () -> FeedCodec.readIndex("i", file.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.problem().contains("has the id"), e.problem());
    }
}
