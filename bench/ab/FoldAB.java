package tj.migrantsguide.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.text.Words;

/** Throwaway A/B: indexText as it was (Words.of, then join) vs the one-builder indexText, on the 100k corpus. */
public class FoldAB {
    static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    static String old(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (Words.Word word : Words.of(text)) {
            if (!out.isEmpty()) out.append(' ');
            out.append(word.folded());
        }
        return out.toString();
    }

    public static void main(String[] args) {
        var corpus = SyntheticCorpus.generate(100_000, 20261123L);
        List<String> texts = new ArrayList<>();
        for (CountryPack p : corpus.feed().countryPacks()) {
            for (Article a : p.articles()) { texts.add(a.title()); texts.add(a.body()); }
            p.contacts().forEach(c -> { texts.add(c.name()); texts.add(c.note()); texts.add(c.address()); });
            p.checklists().forEach(c -> { texts.add(c.title()); c.items().forEach(i -> texts.add(i.text())); });
        }
        corpus = null;
        for (int round = 0; round < 8; round++) {
            for (int which = 0; which < 2; which++) {
                System.gc();
                long w0 = System.nanoTime(), c0 = OS.getProcessCpuTime();
                long n = 0;
                for (String t : texts) n += (which == 0 ? old(t) : Words.indexText(t)).length();
                long w1 = System.nanoTime(), c1 = OS.getProcessCpuTime();
                System.out.printf("round %d %-9s wall %5.0f ms  cpu %5.0f ms  load %.2f (%d)%n", round,
                        which == 0 ? "of+join" : "builder", (w1 - w0) / 1e6, (c1 - c0) / 1e6, OS.getSystemLoadAverage(), n);
            }
        }
    }
}
