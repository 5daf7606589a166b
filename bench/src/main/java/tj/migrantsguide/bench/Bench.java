package tj.migrantsguide.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code bench/run [--quick] [--only NAME,...] [--out FILE]}: runs every benchmark, prints a table and writes a
 * flat JSON object of figures (default {@code target/bench/results.json}).
 */
public final class Bench {
    private Bench() {}

    /** Every benchmark, in the order they run. Add new ones here. */
    static List<Benchmark> all() {
        return List.of(new SearchBenchmark(), new ApplyBenchmark(), new SyncBenchmark(), new OutboxBenchmark(),
                new ShareBenchmark(), new StartupBenchmark(),
                new StartupBenchmark(StartupBenchmark.Launch.APP_IMAGE), new KeystrokeBenchmark(), new InboxBenchmark());
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        Set<String> only = Set.of();
        Path out = Path.of("target", "bench", "results.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only = Set.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: bench/run [--quick] [--only NAME,...] [--out FILE]");
                    System.exit(2);
                }
            }
        }
        Results results = new Results();
        long started = System.nanoTime();
        Machine.describe(quick, results);
        List<String> failed = new ArrayList<>();
        for (Benchmark benchmark : all()) {
            if (!only.isEmpty() && !only.contains(benchmark.name())) {
                continue;
            }
            // The machine is shared: the load each figure was measured under goes next to it.
            double load = Machine.loadAverage();
            results.put(benchmark.name() + "_load_average_1m", load);
            System.out.printf(java.util.Locale.ROOT, "== %s%s (load average %.2f)%n", benchmark.name(),
                    quick ? " (quick)" : "", load);
            long benchmarkStarted = System.nanoTime();
            try {
                benchmark.run(quick, results);
            } catch (Exception e) {
                failed.add(benchmark.name() + ": " + e.getMessage());
                System.out.println("  FAILED: " + e.getMessage());
                if (!(e instanceof IllegalStateException)) {
                    e.printStackTrace();
                }
            }
            results.put(benchmark.name() + "_bench_s", (System.nanoTime() - benchmarkStarted) / 1e9);
        }
        results.put("load_average_1m_end", Machine.loadAverage());
        results.put("benchmarks_failed", failed.size());
        results.put("bench_total_s", (System.nanoTime() - started) / 1e9);
        results.writeJson(out);
        System.out.println();
        System.out.print(results.table());
        System.out.println("written: " + out.toAbsolutePath());
        if (!failed.isEmpty()) {
            System.err.println("benchmarks that failed: " + failed);
            System.exit(1);
        }
    }
}
