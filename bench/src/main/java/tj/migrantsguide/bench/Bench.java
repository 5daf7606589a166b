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
                new StartupBenchmark());
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
        List<String> failed = new ArrayList<>();
        for (Benchmark benchmark : all()) {
            if (!only.isEmpty() && !only.contains(benchmark.name())) {
                continue;
            }
            System.out.println("== " + benchmark.name() + (quick ? " (quick)" : ""));
            try {
                benchmark.run(quick, results);
            } catch (Exception e) {
                failed.add(benchmark.name() + ": " + e);
                e.printStackTrace();
            }
        }
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
