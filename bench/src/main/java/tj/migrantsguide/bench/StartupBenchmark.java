package tj.migrantsguide.bench;

import java.io.IOException;
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
 * <p>Both programs write the wall-clock time (ms since the epoch) of their first drawn frame to the file named by
 * {@code -Dmigrantsguide.firstFrameFile}; the figure is that time minus the moment just before the process was
 * started. Needs a display: bench/run starts Xvfb when none is set.
 */
final class StartupBenchmark implements Benchmark {
    private static final Path APP_JAR = Path.of("app", "target", "migrants-guide.jar");
    /** The installer's app image ({@code mvn -B -q -o -pl content,app -am package -DskipTests -Pinstaller}): its own launcher and runtime. */
    static final Path APP_IMAGE = Path.of("app", "target", "installer", "migrants-guide");
    private static final String HELLO_MAIN = "tj.migrantsguide.app.HelloWindowKt";
    /** The feed the build embeds in the app (content's build output), to open the prepared folder with. */
    private static final Path EMBEDDED_FEED = Path.of("content", "target", "feed");
    private static final long SETTLE_MS = 3000;
    private static final long FIRST_FRAME_TIMEOUT_MS = 60_000;

    record Start(double firstFrameMs, double rssMib) {}

    /** How the app is started: the README's {@code java -jar}, or the installer's app image and its launcher. */
    enum Launch {
        JAR("startup", ""),
        APP_IMAGE("startup-image", "image_");

        final String benchmarkName;
        /** Prefix of this launch's keys ({@code image_first_frame_ms}, …). */
        final String keyPrefix;

        Launch(String benchmarkName, String keyPrefix) {
            this.benchmarkName = benchmarkName;
            this.keyPrefix = keyPrefix;
        }
    }

    private final Launch launch;

    StartupBenchmark() {
        this(Launch.JAR);
    }

    StartupBenchmark(Launch launch) {
        this.launch = launch;
    }

    @Override
    public String name() {
        return launch.benchmarkName;
    }

    @Override
    public void run(boolean quick, Results results) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("no DISPLAY: run through bench/run, which starts Xvfb");
        }
        checkAppCanReportItsFirstFrame();
        Path launcher = APP_IMAGE.resolve("bin").resolve("migrants-guide");
        if (launch == Launch.APP_IMAGE) {
            // The installer build is optional (it needs jpackage): without its image, say so and measure nothing.
            boolean present = Files.isExecutable(launcher);
            results.put("image_available", present ? 1 : 0);
            if (!present) {
                System.out.println("  no app image at " + launcher + " (mvn -B -q -o -pl content,app -am package -DskipTests"
                        + " -Pinstaller builds it): image_* figures left out");
                return;
            }
        }
        int runs = quick ? 5 : 11;
        // The everyday start: content imported and the person's language and country chosen, so that the app opens
        // on the home screen with content (a fresh folder opens on the language choice, which has no content).
        Path data = Files.createTempDirectory("bench-startup-data");
        double firstImportMs = launch == Launch.JAR ? importContent(data) : -1;
        try (Guide guide = Guide.open(data, FeedFiles.directory(EMBEDDED_FEED), Clock.systemUTC())) {
            guide.store().user().settings().setLanguage(Language.TAJIK);
            guide.store().user().settings().setCountry("RU");
        }

        List<Start> app = new ArrayList<>();
        List<Start> hello = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // Interleaved, so that machine noise falls on both alike.
            hello.add(start(List.of("-cp", APP_JAR.toString(), HELLO_MAIN)));
            app.add(launch == Launch.JAR
                    ? start(List.of("-jar", APP_JAR.toString(), "--data", data.toString()))
                    : startImage(launcher, data));
        }

        double appMs = median(app.stream().mapToDouble(Start::firstFrameMs).toArray());
        double helloMs = median(hello.stream().mapToDouble(Start::firstFrameMs).toArray());
        double appRss = median(app.stream().mapToDouble(Start::rssMib).toArray());
        double helloRss = median(hello.stream().mapToDouble(Start::rssMib).toArray());
        String k = launch.keyPrefix;
        results.put(k + "first_frame_ms", appMs);
        results.put(k + "hello_first_frame_ms", helloMs);
        results.put(k + "first_frame_ratio", appMs / helloMs);
        if (launch == Launch.JAR) {
            results.put("first_import_ms", firstImportMs);
            results.target("first_import_ms", "≤ 2000", firstImportMs <= 2000);
        }
        results.put(k + "rss_mib", appRss);
        results.put(k + "hello_rss_mib", helloRss);
        results.put(k + "startup_runs", runs);
        results.target(k + "first_frame_ratio", "≤ 1.3 × a bare Compose window", appMs / helloMs <= 1.3);
        results.target(k + "rss_mib", "≤ " + k + "hello_rss_mib + 60", appRss <= helloRss + 60);
    }

    /**
     * The app image's launcher takes no JVM options on its command line: the two properties every start gets go
     * through the JVM's own {@code JAVA_TOOL_OPTIONS}, for this measurement only (the bare window beside it is
     * started by {@code java} from the JDK the benchmark runs on, as in the jar's figures).
     */
    private static Start startImage(Path launcher, Path data) throws IOException, InterruptedException {
        return start(List.of(launcher.toString(), "--data", data.toString()), true);
    }

    /**
     * The bare window and the first-frame file come with the app (the UI work); an app jar without them would open
     * windows that never report a frame, and each start would wait out the timeout. Say so at once instead.
     */
    private static void checkAppCanReportItsFirstFrame() throws IOException {
        if (!Files.isRegularFile(APP_JAR)) {
            throw new IllegalStateException("no first frame can be measured: " + APP_JAR
                    + " is missing (build with the README's command, or let bench/run build it)");
        }
        try (JarFile jar = new JarFile(APP_JAR.toFile())) {
            String helloClass = HELLO_MAIN.replace('.', '/') + ".class";
            if (jar.getEntry(helloClass) == null) {
                throw new IllegalStateException("no first frame can be measured: " + APP_JAR + " has no " + HELLO_MAIN
                        + " (the bare window that writes -Dmigrantsguide.firstFrameFile comes with the UI work, not"
                        + " merged into this build yet); first_frame_ms, hello_first_frame_ms, first_frame_ratio,"
                        + " rss_mib and hello_rss_mib are left out of this run");
            }
        }
    }

    /** A first start without a window ({@code info}): the built-in content imported into an empty folder. */
    private static double importContent(Path data) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                APP_JAR.toString(), "info", "--data", data.toString());
        long startedAt = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("exited with " + process.exitValue() + ": " + command);
        }
        return (System.nanoTime() - startedAt) / 1e6;
    }

    private static Start start(List<String> javaArgs) throws IOException, InterruptedException {
        return start(javaArgs, false);
    }

    private static Start start(List<String> args, boolean ownLauncher) throws IOException, InterruptedException {
        Path frameFile = Files.createTempFile("first-frame", ".txt");
        Files.delete(frameFile);
        List<String> command = new ArrayList<>();
        String options = "-Dskiko.renderApi=SOFTWARE -Dmigrantsguide.firstFrameFile=" + frameFile;
        if (!ownLauncher) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(List.of(options.split(" ")));
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        if (ownLauncher) {
            builder.environment().put("JAVA_TOOL_OPTIONS", options);
        }
        long startedAt = System.currentTimeMillis();
        Process process = builder.start();
        try {
            long deadline = startedAt + FIRST_FRAME_TIMEOUT_MS;
            while (!Files.exists(frameFile) || Files.size(frameFile) == 0) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited with " + process.exitValue() + " before a frame: " + command);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException("no first frame within " + FIRST_FRAME_TIMEOUT_MS + " ms: " + command);
                }
                Thread.sleep(5);
            }
            long frameAt = Long.parseLong(Files.readString(frameFile).strip());
            Thread.sleep(SETTLE_MS);
            return new Start(frameAt - startedAt, rssMib(process.pid()));
        } finally {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.deleteIfExists(frameFile);
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

    private static double median(double[] values) {
        return Results.percentile(values, 50);
    }
}
