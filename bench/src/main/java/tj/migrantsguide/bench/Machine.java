package tj.migrantsguide.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the figures were measured on, as numbers in the same flat JSON: a figure from a 2-core machine shared with
 * other work means little without the load it ran under.
 */
final class Machine {
    private Machine() {}

    static void describe(boolean quick, Results results) {
        Runtime runtime = Runtime.getRuntime();
        results.put("cpu_count", runtime.availableProcessors());
        results.put("load_average_1m", loadAverage());
        results.put("max_heap_mib", runtime.maxMemory() / (1024.0 * 1024.0));
        results.put("java_feature_version", Runtime.version().feature());
        results.put("quick", quick ? 1 : 0);
        // The benchmark's own start, for the record; no logic depends on it.
        results.put("run_started_epoch_s", Instant.now().getEpochSecond());
    }

    /** CPU time used by this process so far (all its threads), in milliseconds; -1 where unknown. */
    static double processCpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e6;
        }
        return -1;
    }

    /** The {@code java} of the JVM running the benchmarks, for the programs they start: the same JDK for all. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The system's 1-minute load average, or -1 where the platform has none. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
