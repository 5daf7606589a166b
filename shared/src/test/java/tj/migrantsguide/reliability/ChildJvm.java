package tj.migrantsguide.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The app, or part of it, in a child JVM on the test class path, to be killed for real: {@link #kill()} is
 * {@code destroyForcibly()}, a SIGKILL on Linux, so nothing in the child gets to clean up (no finally blocks, no
 * shutdown hooks, no SQLite close). What the child printed is read on a thread of its own, so a child that prints a
 * lot never blocks on a full pipe.
 */
public final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> all = new ArrayList<>();
    private static final String END = "\u0000end";

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (all) {
                        all.add(line);
                    }
                    lines.add(line);
                }
            } catch (IOException e) {
                // The child was killed mid-line.
            }
            lines.add(END);
        }, "child-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with {@code args}; the child's stderr is merged into what {@link #awaitLine} reads. */
    public static ChildJvm start(Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small and quick to start: these children do one thing and are killed.
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Waits for a line starting with {@code prefix} and returns it; fails with everything the child printed if the
     * child ends first or {@code limit} passes (a hang, not a timing: children print within moments).
     */
    public String awaitLine(String prefix, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String line = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no line '" + prefix + "' within " + limit + "; the child printed:\n" + output());
            }
            if (line.equals(END)) {
                throw new AssertionError("the child ended without printing '" + prefix + "':\n" + output());
            }
            if (line.startsWith(prefix)) {
                return line;
            }
        }
    }

    /** SIGKILL, then waits until the process is gone (its files are closed by the kernel). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    public String output() {
        synchronized (all) {
            return String.join("\n", all);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** For children: print a marker line at once (the parent is waiting for it). */
    public static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** For children: wait to be killed. */
    public static void waitToBeKilled() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // Only the parent ends this process.
            }
        }
    }
}
