package tj.migrantsguide.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Figures collected in one run: a flat name → number map, plus targets checked and reported (never hidden). */
final class Results {
    record Target(String figure, String description, boolean met) {}

    private final Map<String, Double> figures = new LinkedHashMap<>();
    private final List<Target> targets = new ArrayList<>();

    void put(String name, double value) {
        figures.put(name, value);
    }

    void target(String figure, String description, boolean met) {
        targets.add(new Target(figure, description, met));
    }

    Map<String, Double> figures() {
        return figures;
    }

    List<Target> targets() {
        return targets;
    }

    /** The p-th percentile (0–100) of the samples, nearest-rank. */
    static double percentile(double[] samples, double p) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** A flat JSON object; a figure that is not a finite number (a ratio over zero) is left out, not written. */
    void writeJson(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        List<String> fields = new ArrayList<>();
        figures.forEach((name, value) -> {
            if (Double.isFinite(value)) {
                fields.add("  \"" + name + "\": " + number(value));
            }
        });
        Files.writeString(file, "{\n" + String.join(",\n", fields) + "\n}\n", StandardCharsets.UTF_8);
    }

    String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-28s %14s%n", "figure", "value"));
        figures.forEach((name, value) -> out.append(String.format(Locale.ROOT, "%-28s %14s%n", name, number(value))));
        if (!targets.isEmpty()) {
            out.append(System.lineSeparator()).append("targets:").append(System.lineSeparator());
            for (Target t : targets) {
                out.append(String.format(Locale.ROOT, "  %-6s %-24s %s%n", t.met() ? "met" : "MISSED", t.figure(),
                        t.description()));
            }
        }
        return out.toString();
    }

    private static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
