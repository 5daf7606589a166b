package tj.migrantsguide.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.IndexEnvelope;

/**
 * Coverage-guided fuzzing (Jazzer) of every reader of feed files that come from outside: the index envelope and
 * its signed body, the common pack and country packs. Whatever the bytes, reading either gives a value or a
 * {@link FeedFormatException} naming the problem; never another exception, a hang or a crash. A value that was read
 * is written back and read again to the same value (what the device installs is what the file said).
 *
 * <p>In {@code mvn verify} these run in regression mode: on every input committed under
 * {@code src/test/resources/tj/migrantsguide/fuzz/FeedFilesFuzzTestInputs/<method>/} (real feed files as seeds and
 * every crash ever found). {@code bench/fuzz-long} fuzzes them for real (docs/reliability.md).
 */
class FeedFilesFuzzTest {
    @FuzzTest(maxDuration = "30s")
    void anIndexIsReadOrRefusedByName(byte[] bytes) {
        IndexEnvelope envelope;
        try {
            envelope = IndexEnvelope.parse("index.json", bytes);
        } catch (FeedFormatException refused) {
            return;
        }
        FeedIndex index;
        try {
            index = FeedCodec.readSignedBody("index.json", envelope.signedBytes());
        } catch (FeedFormatException refused) {
            return;
        }
        try {
            assertEquals(index, FeedCodec.readSignedBody("index.json", FeedCodec.writeSignedBody(index)));
        } catch (FeedFormatException e) {
            throw new AssertionError("an index that was read cannot be read again once written", e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void aCountryPackIsReadOrRefusedByName(byte[] bytes) {
        CountryPack pack;
        try {
            pack = FeedCodec.readCountryPack("packs/fuzz.json", bytes);
        } catch (FeedFormatException refused) {
            return;
        }
        try {
            assertEquals(pack, FeedCodec.readCountryPack("again", FeedCodec.writeCountryPack(pack)));
        } catch (FeedFormatException e) {
            throw new AssertionError("a pack that was read cannot be read again once written", e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void theCommonPackIsReadOrRefusedByName(byte[] bytes) {
        CommonPack pack;
        try {
            pack = FeedCodec.readCommon("packs/fuzz.json", bytes);
        } catch (FeedFormatException refused) {
            return;
        }
        try {
            assertEquals(pack, FeedCodec.readCommon("again", FeedCodec.writeCommon(pack)));
        } catch (FeedFormatException e) {
            throw new AssertionError("a common pack that was read cannot be read again once written", e);
        }
    }
}
