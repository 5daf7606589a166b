package tj.migrantsguide.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import tj.migrantsguide.Guide;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.guide.Language;

/**
 * Cold start to first frame, and resident memory once the first screen has settled: the app's home screen with
 * content against a bare Compose window built with the same versions (both in the app jar), each a new JVM.
 *
 * <p>{@link Launch#README}: the README's start command, {@code app/target/migrants-guide} (the build's start
 * script, {@code app/packaging/start.sh}: the jar with the class-data archive the build makes, and C1 only); beside
 * it, in the same interleaved rounds, plain {@code java -jar} ({@code jar_*} keys), which a jar's manifest cannot
 * give either option. Before the rounds the archive is made again by the build's own step
 * ({@code migrants-guide --make-start-archive}, {@code start_archive_ms}), so that the rounds map what a build leaves,
 * not one a window wrote. {@link Launch#APP_IMAGE}: the installer's app image and its launcher.
 *
 * <p>Every program writes the wall-clock time (ms since the epoch) of its first drawn frame to the file named by
 * {@code -Dmigrantsguide.firstFrameFile}; the figure is that time minus the moment just before the process was
 * started. Needs a display: bench/run starts Xvfb when none is set.
 */
final class StartupBenchmark implements Benchmark {
    private static final String HELLO_MAIN = "tj.migrantsguide.app.HelloWindowKt";
    private static final long SETTLE_MS = 3000;
    private static final long FIRST_FRAME_TIMEOUT_MS = 60_000;
    /** The build's archive step (a headless home screen, about 3 s): a bound, not an expectation. */
    private static final long ARCHIVE_TIMEOUT_S = 120;

    record Start(double firstFrameMs, double rssMib) {}

    /** How the app is started: the README's start command (and {@code java -jar} beside it), or the installer's app image. */
    enum Launch {
        README("startup", ""),
        APP_IMAGE("startup-image", "image_");

        final String benchmarkName;
        /** Prefix of this launch's keys ({@code image_first_frame_ms}, …). */
        final String keyPrefix;

        Launch(String benchmarkName, String keyPrefix) {
            this.benchmarkName = benchmarkName;
            this.keyPrefix = keyPrefix;
        }
    }

    private final Path repository;
    private final Launch launch;
    private final int runs;
    private final String display;

    StartupBenchmark() {
        this(Launch.README);
    }

    StartupBenchmark(Launch launch) {
        this(Path.of(""), launch, -1, System.getenv("DISPLAY"));
    }

    /** For the smoke test: the repository's root, how many rounds (-1: as bench/run does), the X display. */
    StartupBenchmark(Path repository, Launch launch, int runs, String display) {
        this.repository = repository;
        this.launch = launch;
        this.runs = runs;
        this.display = display;
    }

    @Override
    public String name() {
        return launch.benchmarkName;
    }

    private Path appJar() {
        return repository.resolve(Path.of("app", "target", "migrants-guide.jar"));
    }

    private Path startScript() {
        return repository.resolve(Path.of("app", "target", "migrants-guide"));
    }

    /** The installer's app image ({@code mvn -B -q -o -pl content,app -am package -DskipTests -Pinstaller}): its own launcher and runtime. */
    private Path imageLauncher() {
        return repository.resolve(Path.of("app", "target", "installer", "migrants-guide", "bin", "migrants-guide"));
    }

    @Override
    public void run(boolean quick, Results results) throws Exception {
        if (display == null || display.isBlank()) {
            throw new IllegalStateException("no DISPLAY: run through bench/run, which starts Xvfb");
        }
        checkAppCanReportItsFirstFrame();
        if (launch == Launch.APP_IMAGE) {
            // The installer build is optional (it needs jpackage): without its image, say so and measure nothing.
            boolean present = Files.isExecutable(imageLauncher());
            results.put("image_available", present ? 1 : 0);
            if (!present) {
                System.out.println("  no app image at " + imageLauncher() + " (mvn -B -q -o -pl content,app -am package"
                        + " -DskipTests -Pinstaller builds it): image_* figures left out");
                return;
            }
        } else if (!Files.isExecutable(startScript())) {
            throw new IllegalStateException("no start script at " + startScript()
                    + " (the README's build command makes it next to the jar)");
        }
        int rounds = runs > 0 ? runs : quick ? 5 : 11;
        // The everyday start: content imported and the person's language and country chosen, so that the app opens
        // on the home screen with content (a fresh folder opens on the language choice, which has no content).
        Path data = Files.createTempDirectory("bench-startup-data");
        double firstImportMs = launch == Launch.README ? importContent(data) : -1;
        try (Guide guide = Guide.open(data, FeedFiles.directory(repository.resolve(Path.of("content", "target", "feed"))),
                Clock.systemUTC())) {
            guide.store().user().settings().setLanguage(Language.TAJIK);
            guide.store().user().settings().setCountry("RU");
        }
        List<String> appArgs = List.of("--data", data.toString());
        if (launch == Launch.README) {
            makeStartArchive(results);
        }

        List<Start> app = new ArrayList<>();
        List<Start> hello = new ArrayList<>();
        List<Start> jar = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            // Interleaved, so that machine noise falls on all alike.
            hello.add(start(javaCommand(List.of("-cp", appJar().toString(), HELLO_MAIN)), false));
            if (launch == Launch.README) {
                app.add(start(launcherCommand(startScript(), appArgs), true));
                jar.add(start(javaCommand(concat(List.of("-jar", appJar().toString()), appArgs)), false));
            } else {
                app.add(start(launcherCommand(imageLauncher(), appArgs), true));
            }
        }

        double helloMs = median(hello, Start::firstFrameMs);
        double helloRss = median(hello, Start::rssMib);
        String k = launch.keyPrefix;
        report(results, k, median(app, Start::firstFrameMs), helloMs, median(app, Start::rssMib), helloRss, true);
        results.put(k + "hello_first_frame_ms", helloMs);
        results.put(k + "hello_rss_mib", helloRss);
        if (launch == Launch.README) {
            // java -jar is reported beside the README's start, without a target of its own: what the two JVM options give.
            report(results, "jar_", median(jar, Start::firstFrameMs), helloMs, median(jar, Start::rssMib), helloRss, false);
            results.put("first_import_ms", firstImportMs);
            results.target("first_import_ms", "≤ 2000", firstImportMs <= 2000);
        }
        results.put(k + "startup_runs", rounds);
    }

    private static void report(Results results, String k, double appMs, double helloMs, double appRss, double helloRss,
            boolean withTargets) {
        results.put(k + "first_frame_ms", appMs);
        results.put(k + "first_frame_ratio", appMs / helloMs);
        results.put(k + "rss_mib", appRss);
        if (withTargets) {
            results.target(k + "first_frame_ratio", "≤ 1.3 × a bare Compose window", appMs / helloMs <= 1.3);
            results.target(k + "rss_mib", "≤ " + k + "hello_rss_mib + 60", appRss <= helloRss + 60);
        }
    }

    /** The build's step that makes the start script's class-data archive, run again here: what a build leaves. */
    private void makeStartArchive(Results results) throws IOException, InterruptedException {
        Path folder = startScript().getParent();
        deleteArchives(folder);
        long startedAt = System.nanoTime();
        Process process = new ProcessBuilder(startScript().toString(), "--make-start-archive").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(ARCHIVE_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("the start script's --make-start-archive did not end within "
                    + ARCHIVE_TIMEOUT_S + " s");
        }
        double ms = (System.nanoTime() - startedAt) / 1e6;
        List<Path> made = archives(folder);
        if (process.exitValue() != 0 || made.size() != 1) {
            throw new IllegalStateException("the start script's --make-start-archive made " + made + " (exit "
                    + process.exitValue() + ")");
        }
        results.put("start_archive_ms", ms);
        results.put("start_archive_mib", Files.size(made.get(0)) / (1024.0 * 1024.0));
    }

    /** The start script's class-data archives in {@code folder} (its jar's folder). */
    static List<Path> archives(Path folder) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "migrants-guide-*.jsa")) {
            files.forEach(found::add);
        }
        return found;
    }

    private static void deleteArchives(Path folder) throws IOException {
        for (Path archive : archives(folder)) {
            Files.delete(archive);
        }
    }

    /**
     * The bare window and the first-frame file come with the app (the UI work); an app jar without them would open
     * windows that never report a frame, and each start would wait out the timeout. Say so at once instead.
     */
    private void checkAppCanReportItsFirstFrame() throws IOException {
        Path appJar = appJar();
        if (!Files.isRegularFile(appJar)) {
            throw new IllegalStateException("no first frame can be measured: " + appJar
                    + " is missing (build with the README's command, or let bench/run build it)");
        }
        try (JarFile jar = new JarFile(appJar.toFile())) {
            String helloClass = HELLO_MAIN.replace('.', '/') + ".class";
            if (jar.getEntry(helloClass) == null) {
                throw new IllegalStateException("no first frame can be measured: " + appJar + " has no " + HELLO_MAIN
                        + " (the bare window that writes -Dmigrantsguide.firstFrameFile comes with the UI work, not"
                        + " merged into this build yet); first_frame_ms, hello_first_frame_ms, first_frame_ratio,"
                        + " rss_mib and hello_rss_mib are left out of this run");
            }
        }
    }

    /** A first start without a window ({@code info}): the built-in content imported into an empty folder. */
    private double importContent(Path data) throws IOException, InterruptedException {
        List<String> command = List.of(Machine.java(), "-jar", appJar().toString(), "info", "--data", data.toString());
        long startedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("exited with " + process.exitValue() + ": " + command);
        }
        return (System.nanoTime() - startedAt) / 1e6;
    }

    private static List<String> javaCommand(List<String> args) {
        return concat(List.of(Machine.java()), args);
    }

    private static List<String> launcherCommand(Path launcher, List<String> args) {
        return concat(List.of(launcher.toString()), args);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * One start: its first frame and, 3 s after it, its resident memory. A launcher (the start script, the image's)
     * takes no JVM options on its command line: the two properties every start gets go through the JVM's own
     * {@code JAVA_TOOL_OPTIONS}, for this measurement only; {@code java} gets them as options. The start script execs
     * the JVM when its archive fits (the same process, so its memory is the JVM's); a script still running as a shell
     * would be writing an archive (the build's did not fit), and its own memory is not the app's: an error, not a figure.
     */
    private Start start(List<String> command, boolean launcher) throws IOException, InterruptedException {
        Path frameFile = Files.createTempFile("first-frame", ".txt");
        Files.delete(frameFile);
        String options = "-Dskiko.renderApi=SOFTWARE -Dmigrantsguide.firstFrameFile=" + frameFile;
        List<String> full = new ArrayList<>(command);
        if (!launcher) {
            full.addAll(1, List.of(options.split(" ")));
        }
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("DISPLAY", display);
        if (launcher) {
            builder.environment().put("JAVA_TOOL_OPTIONS", options);
        }
        long startedAt = System.currentTimeMillis();
        Process process = builder.start();
        try {
            long deadline = startedAt + FIRST_FRAME_TIMEOUT_MS;
            while (!Files.exists(frameFile) || Files.size(frameFile) == 0) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with " + process.exitValue() + " before a frame: " + full);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("no first frame within " + FIRST_FRAME_TIMEOUT_MS + " ms: " + full);
                }
                Thread.sleep(5);
            }
            long frameAt = Long.parseLong(Files.readString(frameFile).strip());
            Thread.sleep(SETTLE_MS);
            long pid = process.pid();
            if (launch == Launch.README && launcher) {
                String program = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).strip();
                if (!program.equals("java")) {
                    throw new IllegalStateException("the start script ran the window as " + program + ", not by exec"
                            + " with the build's archive (is the JDK newer than the archive?): " + command);
                }
            }
            return new Start(frameAt - startedAt, rssMib(pid));
        } finally {
            stop(process);
            Files.deleteIfExists(frameFile);
        }
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** Resident set size from /proc (Linux), in MiB. */
    private static double rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    private static double median(List<Start> starts, java.util.function.ToDoubleFunction<Start> figure) {
        return Results.percentile(starts.stream().mapToDouble(figure).toArray(), 50);
    }
}
