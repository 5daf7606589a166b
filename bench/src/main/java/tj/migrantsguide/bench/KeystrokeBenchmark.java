package tj.migrantsguide.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.store.GuideStore;

/**
 * Keystroke to results and tap to number, in the real window: the app's own window ({@code openWindow}, as
 * {@code java -jar} opens it) under Xvfb with software rendering, driven from inside its JVM by AWT key events
 * ({@code tj.migrantsguide.app.shell.ResponsivenessDriverKt}, in the app jar; its comment says exactly where each
 * sample starts and ends). Two data folders, made once per run in a temp dir: the built-in content (imported by
 * the app itself, {@code info}) and the 100,000-item synthetic guide ({@link SyntheticCorpus}, as the search
 * benchmark builds it). Each is opened on Tajik and a country of its own; search answers in any language.
 *
 * <p>Queries are typed a character at a time, every key a sample (the first queries typed in each window are a
 * warm-up, not counted): over the built-in content, Russian inflected words and phrases, Tajik with its own letters
 * and the same typed on a Russian keyboard, a phone number; over the synthetic guide, its frequent words the same
 * ways, and the built-in queries too (which find little there: a search that has to look everywhere). The first
 * two letters of a query, the keys that match the most, are also reported apart.
 */
final class KeystrokeBenchmark implements Benchmark {
    static final String DRIVER_MAIN = "tj.migrantsguide.app.shell.ResponsivenessDriverKt";
    private static final long DRIVER_TIMEOUT_S = 900;
    /** Above any real content version, so that the app keeps the synthetic guide instead of its built-in content. */
    private static final long SYNTHETIC_VERSION = 1_000_000_000L;

    /** Real queries over the built-in content; each one is checked to find hits there ({@code search}). */
    static final List<String> BUILT_IN_QUERIES = List.of(
            "регистрации", "патента", "бақайдгирӣ", "бакайдгири", "миграционной карты", "шартномаи меҳнатӣ",
            "трудового договора", "шартномаи мехнати", "ҳуҷҷатҳо", "работодатель не платит", "хуччатхо", "корфармо",
            "2270707", "registration");

    private final Path repository;
    private final int syntheticItems;
    private final int queries;
    private final int taps;
    private final String display;

    KeystrokeBenchmark() {
        this(Path.of(""), SearchBenchmark.ITEMS, -1, -1, System.getenv("DISPLAY"));
    }

    /**
     * For the smoke test: the repository's root (the jars are under it), a smaller synthetic guide, how many queries
     * (warm-up included) and taps per window (-1: as bench/run does), and the X display to open the windows on.
     */
    KeystrokeBenchmark(Path repository, int syntheticItems, int queries, int taps, String display) {
        this.repository = repository;
        this.syntheticItems = syntheticItems;
        this.queries = queries;
        this.taps = taps;
        this.display = display;
    }

    @Override
    public String name() {
        return "keystroke";
    }

    /** The samples one window wrote: taps and keystrokes in ms, warm-up left out. */
    record Samples(List<Double> taps, List<Double> keys, List<Double> firstTwoKeys, List<String> slowest, double pauseMs) {}

    @Override
    public void run(boolean quick, Results results) throws Exception {
        if (display == null || display.isBlank()) {
            throw new IllegalStateException("no DISPLAY: run through bench/run, which starts Xvfb");
        }
        Path jar = repository.resolve(Path.of("app", "target", "migrants-guide.jar"));
        checkDriverIsIn(jar);
        int queryCount = queries > 0 ? queries : quick ? 12 : 40;
        int tapCount = taps > 0 ? taps : quick ? 5 : 15;
        int warmup = Math.min(3, queryCount - 1);
        Path work = Files.createTempDirectory("bench-keystroke");
        try {
            Path builtIn = work.resolve("built-in");
            importBuiltIn(jar, builtIn);
            Samples real = drive(jar, builtIn, repeat(BUILT_IN_QUERIES, queryCount), tapCount, warmup, work.resolve("built-in.txt"));

            Path synthetic = work.resolve("synthetic");
            SyntheticCorpus.Generated corpus = SyntheticCorpus.generate(syntheticItems, 20261123L);
            installSynthetic(corpus, synthetic);
            Samples big = drive(jar, synthetic, syntheticQueries(corpus, queryCount), 0, warmup, work.resolve("synthetic.txt"));

            double p95 = Results.percentile(array(real.keys()), 95);
            double bigP95 = Results.percentile(array(big.keys()), 95);
            double tap = Results.percentile(array(real.taps()), 50);
            results.put("keystroke_p50_ms", Results.percentile(array(real.keys()), 50));
            results.put("keystroke_p95_ms", p95);
            results.put("keystroke_max_ms", max(real.keys()));
            results.put("keystroke_first2_p95_ms", Results.percentile(array(real.firstTwoKeys()), 95));
            results.put("keystroke_samples", real.keys().size());
            results.put("keystroke_100k_p50_ms", Results.percentile(array(big.keys()), 50));
            results.put("keystroke_100k_p95_ms", bigP95);
            results.put("keystroke_100k_max_ms", max(big.keys()));
            results.put("keystroke_100k_first2_p95_ms", Results.percentile(array(big.firstTwoKeys()), 95));
            results.put("keystroke_100k_samples", big.keys().size());
            results.put("keystroke_search_pause_ms", real.pauseMs());
            results.put("tap_to_number_ms", tap);
            results.put("tap_to_number_max_ms", max(real.taps()));
            results.put("tap_to_number_samples", real.taps().size());
            results.target("keystroke_p95_ms", "p95 < 50 ms, built-in content (stretch 16 ms)", p95 < 50);
            results.target("keystroke_100k_p95_ms", "p95 < 50 ms, 100k items (stretch 16 ms)", bigP95 < 50);
            results.target("tap_to_number_ms", "median < 100 ms: one key (F1) from home", tap < 100);
            System.out.println("  slowest keys, built-in: " + real.slowest());
            System.out.println("  slowest keys, synthetic: " + big.slowest());
        } finally {
            deleteTree(work);
        }
    }

    /** The queries, repeated in order up to {@code count}. */
    private static List<String> repeat(List<String> queries, int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(queries.get(i % queries.size()));
        }
        return out;
    }

    /**
     * The synthetic guide's frequent words as people type them: a Tajik word with a Tajik letter, the same word on
     * a Russian keyboard, a Russian word, two Tajik words; every fifth query one of the built-in ones.
     */
    static List<String> syntheticQueries(SyntheticCorpus.Generated corpus, int count) {
        Random random = new Random(19);
        List<String> tajik = corpus.vocabulary().get(Language.TAJIK).subList(0, 300).stream()
                .filter(w -> w.length() >= 5 && w.chars().anyMatch(c -> "ғӣқӯҳҷ".indexOf(c) >= 0)).toList();
        List<String> russian = corpus.vocabulary().get(Language.RUSSIAN).subList(0, 300).stream()
                .filter(w -> w.length() >= 5).toList();
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < count; i++) {
            String word = tajik.get(random.nextInt(tajik.size()));
            out.add(switch (i % 5) {
                case 0 -> word;
                case 1 -> withoutTajikLetters(word);
                case 2 -> russian.get(random.nextInt(russian.size()));
                case 3 -> word + " " + tajik.get(random.nextInt(tajik.size()));
                default -> BUILT_IN_QUERIES.get(random.nextInt(BUILT_IN_QUERIES.size()));
            });
        }
        return out;
    }

    private static String withoutTajikLetters(String word) {
        return word.replace('ҳ', 'х').replace('ҷ', 'ч').replace('қ', 'к').replace('ғ', 'г').replace('ӣ', 'и')
                .replace('ӯ', 'у');
    }

    /** The driver comes with this work; an older app jar would open a window no key is timed in. */
    private static void checkDriverIsIn(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing (build with the README's command, or let bench/run build it)");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(DRIVER_MAIN.replace('.', '/') + ".class") == null) {
                throw new IllegalStateException(jar + " has no " + DRIVER_MAIN + ": rebuild the app");
            }
        }
    }

    /** The built-in content, imported by the app ({@code info} on an empty folder), opened on Tajik, Russia. */
    private static void importBuiltIn(Path jar, Path data) throws IOException, InterruptedException {
        List<String> command = List.of(Machine.java(), "-jar", jar.toString(), "info", "--data", data.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("exited with " + process.exitValue() + ": " + command);
        }
        chooseLanguageAndCountry(data, "RU");
    }

    private static void installSynthetic(SyntheticCorpus.Generated corpus, Path data) {
        Feed generated = corpus.feed();
        FeedIndex index = generated.index();
        Feed feed = new Feed(new FeedIndex(index.format(), SYNTHETIC_VERSION, index.published(), index.expires(),
                index.packs()), generated.common(), generated.countryPacks());
        try (GuideStore store = GuideStore.open(data, Clock.systemUTC())) {
            store.install(feed);
        }
        chooseLanguageAndCountry(data, feed.common().countries().get(0).code());
    }

    private static void chooseLanguageAndCountry(Path data, String country) {
        try (GuideStore store = GuideStore.open(data, Clock.systemUTC())) {
            store.user().settings().setLanguage(Language.TAJIK);
            store.user().settings().setCountry(country);
        }
    }

    /** One window on {@code data}: the driver presses F1 {@code taps} times (0: none), then types {@code queries}. */
    private Samples drive(Path jar, Path data, List<String> queries, int taps, int warmup, Path out)
            throws IOException, InterruptedException {
        Path queryFile = Files.createTempFile(out.getParent(), "queries", ".txt");
        Files.write(queryFile, queries, StandardCharsets.UTF_8);
        // C1 only, as the README's start script and the installer's launcher run the window (the archive they map
        // changes only the start). Quick runs, one after the other, load 0.8-1.9: p95 41.7/64.9 and 36.8/61.9 ms
        // (built-in/100k) with both compilers, 31.6/39.4 and 32.4/46.6 with C1 only (docs/performance.md).
        List<String> command = List.of(Machine.java(), "-XX:TieredStopAtLevel=1", "-Dskiko.renderApi=SOFTWARE", "-cp", jar.toString(), DRIVER_MAIN,
                "--data", data.toString(), "--queries", queryFile.toString(), "--out", out.toString(),
                "--taps", Integer.toString(taps), "--warmup", Integer.toString(warmup));
        Path log = out.resolveSibling(out.getFileName() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DISPLAY", display);
        // No feed to sync from: the window's background sync fails at once, on loopback, instead of going out.
        builder.environment().put("MIGRANTS_GUIDE_FEED_URL", "http://127.0.0.1:9/feed/");
        Process process = builder.start();
        try {
            if (!process.waitFor(DRIVER_TIMEOUT_S, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the driver did not finish within " + DRIVER_TIMEOUT_S + " s: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("the driver exited with " + process.exitValue() + ": "
                        + tail(log) + " (" + command + ")");
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly().waitFor();
            }
        }
        return read(out);
    }

    static Samples read(Path out) throws IOException {
        List<Double> taps = new ArrayList<>();
        List<Double> keys = new ArrayList<>();
        List<Double> firstTwo = new ArrayList<>();
        List<String[]> keyLines = new ArrayList<>();
        double pause = Double.NaN;
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "pause" -> pause = Double.parseDouble(f[1]);
                case "tap" -> {
                    if (f[1].equals("0")) {
                        taps.add(Double.parseDouble(f[2]));
                    }
                }
                case "key" -> {
                    if (f[1].equals("0")) {
                        double ms = Double.parseDouble(f[4]);
                        keys.add(ms);
                        if (Integer.parseInt(f[3]) <= 2) {
                            firstTwo.add(ms);
                        }
                        keyLines.add(f);
                    }
                }
                default -> throw new IOException(out + ": not a sample: " + line);
            }
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException(out + ": no keystroke measured (only warm-up queries?)");
        }
        keyLines.sort(Comparator.comparingDouble((String[] f) -> Double.parseDouble(f[4])).reversed());
        Set<String> slowest = new LinkedHashSet<>();
        for (String[] f : keyLines.subList(0, Math.min(5, keyLines.size()))) {
            slowest.add(String.format(Locale.ROOT, "%.0f ms «%s»", Double.parseDouble(f[4]), f[5]));
        }
        return new Samples(taps, keys, firstTwo, List.copyOf(slowest), pause);
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
