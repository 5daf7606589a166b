package tj.migrantsguide.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.OldFeedCodec;

/** Throwaway A/B: main's tree reader vs the streaming reader, same 100k-item packs, interleaved; wall and process CPU. */
public class ParseAB {
    static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    public static void main(String[] args) throws Exception {
        var corpus = SyntheticCorpus.generate(100_000, 20261123L);
        List<byte[]> packs = new ArrayList<>();
        long total = 0;
        for (CountryPack p : corpus.feed().countryPacks()) {
            byte[] b = FeedCodec.writeCountryPack(p);
            packs.add(b);
            total += b.length;
        }
        corpus = null;
        System.out.printf("packs: %d, %.1f MB%n", packs.size(), total / 1e6);
        for (int round = 0; round < 8; round++) {
            for (int which = 0; which < 2; which++) {
                System.gc();
                long w0 = System.nanoTime(), c0 = OS.getProcessCpuTime();
                long n = 0;
                for (byte[] b : packs) {
                    n += (which == 0 ? OldFeedCodec.readCountryPack("p", b) : FeedCodec.readCountryPack("p", b)).itemCount();
                }
                long w1 = System.nanoTime(), c1 = OS.getProcessCpuTime();
                System.out.printf("round %d %-9s wall %5.0f ms  cpu %5.0f ms  load %.2f (%d)%n", round,
                        which == 0 ? "tree" : "streaming", (w1 - w0) / 1e6, (c1 - c0) / 1e6, OS.getSystemLoadAverage(), n);
            }
        }
    }
}
