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
    private static final String HELLO_MAIN = "tj.migrantsguide.app.HelloWindowKt";
    /** The feed the build embeds in the app (content's build output), to open the prepared folder with. */
    private static final Path EMBEDDED_FEED = Path.of("content", "target", "feed");
    private static final long SETTLE_MS = 3000;
    private static final long FIRST_FRAME_TIMEOUT_MS = 60_000;

    record Start(double firstFrameMs, double rssMib) {}

    @Override
    public String name() {
        return "startup";
    }

    @Override
    public void run(boolean quick, Results results) throws Exception {
        if (System.getenv("DISPLAY") == null) {
            throw new IllegalStateException("no DISPLAY: run through bench/run, which starts Xvfb");
        }
        checkAppCanReportItsFirstFrame();
        int runs = quick ? 5 : 11;
        // The everyday start: content imported and the person's language and country chosen, so that the app opens
        // on the home screen with content (a fresh folder opens on the language choice, which has no content).
        Path data = Files.createTempDirectory("bench-startup-data");
        double firstImportMs = importContent(data);
        try (Guide guide = Guide.open(data, FeedFiles.directory(EMBEDDED_FEED), Clock.systemUTC())) {
            guide.store().user().settings().setLanguage(Language.TAJIK);
            guide.store().user().settings().setCountry("RU");
        }

        List<Start> app = new ArrayList<>();
        List<Start> hello = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            // Interleaved, so that machine noise falls on both alike.
            hello.add(start(List.of("-cp", APP_JAR.toString(), HELLO_MAIN)));
            app.add(start(List.of("-jar", APP_JAR.toString(), "--data", data.toString())));
        }

        double appMs = median(app.stream().mapToDouble(Start::firstFrameMs).toArray());
        double helloMs = median(hello.stream().mapToDouble(Start::firstFrameMs).toArray());
        double appRss = median(app.stream().mapToDouble(Start::rssMib).toArray());
        double helloRss = median(hello.stream().mapToDouble(Start::rssMib).toArray());
        results.put("first_frame_ms", appMs);
        results.put("hello_first_frame_ms", helloMs);
        results.put("first_frame_ratio", appMs / helloMs);
        results.put("first_import_ms", firstImportMs);
        results.put("rss_mib", appRss);
        results.put("hello_rss_mib", helloRss);
        results.put("startup_runs", runs);
        results.target("first_frame_ratio", "≤ 1.5 × a bare Compose window", appMs / helloMs <= 1.5);
        results.target("rss_mib", "≤ hello_rss_mib + 100", appRss <= helloRss + 100);
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
        Path frameFile = Files.createTempFile("first-frame", ".txt");
        Files.delete(frameFile);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dskiko.renderApi=SOFTWARE");
        command.add("-Dmigrantsguide.firstFrameFile=" + frameFile);
        command.addAll(javaArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
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
