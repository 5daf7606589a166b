package tj.migrantsguide.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.IndexEnvelope;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.feed.TrustedKeys;
import tj.migrantsguide.store.ContentUpdate;
import tj.migrantsguide.store.GuideStore;

/**
 * What a device does with a whole feed it has downloaded, step by step and timed: the same public calls, in the
 * same order, as {@code Sync.run} (docs/feed-format.md, "Verification order") from its signature check on, minus
 * the network and the staging folder: the index's signature by a trusted key, then its body; each pack's size and
 * SHA-256; each pack parsed (and checked to be what its entry names); then one {@code GuideStore.apply}.
 */
final class FeedInstall {
    private FeedInstall() {}

    /** Milliseconds per step; {@code items} installed. */
    record Timings(double readMs, double verifyMs, double parseMs, double storeMs, int items) {
        double totalMs() {
            return readMs + verifyMs + parseMs + storeMs;
        }
    }

    /** A feed this benchmark refuses: it was written by the benchmark itself, so this is a defect, not a result. */
    static final class Refused extends Exception {
        Refused(String why) {
            super(why);
        }
    }

    static Timings verifyAndApply(Path feedFolder, TrustedKeys trusted, GuideStore store)
            throws IOException, FeedFormatException, Refused {
        long t0 = System.nanoTime();
        byte[] indexBytes = Files.readAllBytes(feedFolder.resolve(FeedWriter.INDEX));
        long read = System.nanoTime() - t0;

        t0 = System.nanoTime();
        IndexEnvelope envelope = IndexEnvelope.parse(FeedWriter.INDEX, indexBytes);
        if (!(trusted.verify(envelope) instanceof TrustedKeys.Verification.Verified)) {
            throw new Refused("the index is not signed by the benchmark's key");
        }
        FeedIndex index = FeedCodec.readSignedBody(FeedWriter.INDEX, envelope.signedBytes());
        long verify = System.nanoTime() - t0;

        long parse = 0;
        CommonPack common = null;
        List<CountryPack> packs = new ArrayList<>();
        for (PackEntry entry : index.packs()) {
            t0 = System.nanoTime();
            byte[] bytes = Files.readAllBytes(feedFolder.resolve(entry.file()));
            long t1 = System.nanoTime();
            read += t1 - t0;
            if (bytes.length != entry.size() || !FeedReader.sha256Hex(bytes).equals(entry.sha256())) {
                throw new Refused(entry.file() + ": not the bytes the index signed");
            }
            long t2 = System.nanoTime();
            verify += t2 - t1;
            if (entry.name().equals(PackEntry.COMMON)) {
                common = FeedCodec.readCommon(entry.file(), bytes);
            } else {
                CountryPack pack = FeedCodec.readCountryPack(entry.file(), bytes);
                if (!pack.packName().equals(entry.name())) {
                    throw new Refused(entry.file() + " holds " + pack.packName() + ", not " + entry.name());
                }
                packs.add(pack);
            }
            parse += System.nanoTime() - t2;
        }
        if (common == null) {
            throw new Refused("no common pack");
        }
        Feed feed = new Feed(index, common, packs);

        t0 = System.nanoTime();
        store.apply(ContentUpdate.whole(feed, store.installedPacks().keySet()));
        long apply = System.nanoTime() - t0;
        return new Timings(read / 1e6, verify / 1e6, parse / 1e6, apply / 1e6, feed.itemCount());
    }
}
