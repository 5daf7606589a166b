package tj.migrantsguide.bench;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import tj.migrantsguide.content.server.DeskAccounts;
import tj.migrantsguide.content.server.ReferenceServer;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.outbox.MyQuestion;
import tj.migrantsguide.outbox.Outbox;
import tj.migrantsguide.questions.QuestionDraft;
import tj.migrantsguide.questions.QuestionState;
import tj.migrantsguide.outbox.SaveResult;
import tj.migrantsguide.outbox.SendReport;
import tj.migrantsguide.questions.Topic;
import tj.migrantsguide.store.QuestionStore;
import tj.migrantsguide.transport.JdkHttpTransport;

/**
 * "Always in Touch" on a good connection: from pressing send (the question saved on the device) to the inbox's
 * acknowledgement recorded on the device, against the reference server on loopback with real SQLite files on both
 * sides. Network time is near zero here, so the figure is the cost of our own work: two durable SQLite writes on
 * the device, one transaction on the server, HTTP and JSON.
 */
final class OutboxBenchmark implements Benchmark {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Override
    public String name() {
        return "outbox";
    }

    @Override
    public void run(boolean quick, Results results) throws Exception {
        int warmup = quick ? 30 : 100;
        int repetitions = quick ? 300 : 2000;
        Path folder = Files.createTempDirectory("outbox-bench");
        try (ReferenceServer server = ReferenceServer.start(new ReferenceServer.Settings(Optional.empty(),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                        "jdbc:sqlite:" + folder.resolve("inbox.db"), DeskAccounts.Security.standard(),
                        ReferenceServer.Limits.none(),
                        Clock.systemUTC(), new SecureRandom()));
                QuestionStore store = QuestionStore.open(folder.resolve("device"))) {
            Outbox outbox = new Outbox(store, new JdkHttpTransport(Duration.ofSeconds(10)), Clock.systemUTC());
            double[] save = new double[repetitions];
            double[] total = new double[repetitions];
            double[] cpu = new double[repetitions];
            for (int i = -warmup; i < repetitions; i++) {
                QuestionDraft draft = QuestionDraft.withoutContact(Topic.values()[Math.floorMod(i, 7)], "RU",
                        Language.TAJIK, "Саволи санҷишӣ рақами " + i + ": бақайдгирӣ дар куҷо мешавад?");
                long cpuBefore = javaThreadsCpuNs();
                long start = System.nanoTime();
                SaveResult saved = outbox.save(draft, server.base());
                long afterSave = System.nanoTime();
                SendReport report = outbox.sendDue();
                long end = System.nanoTime();
                long cpuAfter = javaThreadsCpuNs();
                MyQuestion question = ((SaveResult.Saved) saved).question();
                if (report.sent() != 1 || outbox.question(question.id()).orElseThrow().state() != QuestionState.SENT) {
                    throw new IllegalStateException("question " + i + " was not acknowledged: " + report);
                }
                if (i >= 0) {
                    save[i] = (afterSave - start) / 1e6;
                    total[i] = (end - start) / 1e6;
                    cpu[i] = (cpuAfter - cpuBefore) / 1e6;
                }
            }
            if (server.inbox().questionCount() != warmup + repetitions) {
                throw new IllegalStateException("the inbox holds " + server.inbox().questionCount() + " questions");
            }
            results.put("outbox_save_p95_ms", Results.percentile(save, 95));
            results.put("outbox_send_p50_ms", Results.percentile(total, 50));
            results.put("outbox_send_p95_ms", Results.percentile(total, 95));
            results.put("outbox_send_cpu_p95_ms", Results.percentile(cpu, 95));
            // Pressing "send" online should show "sent" at once; a tenth of a second still reads as at once.
            results.target("outbox_send_p95_ms", "under 100 ms on loopback",
                    Results.percentile(total, 95) < 100);
            results.target("outbox_save_p95_ms", "under 50 ms (saved before anything else)",
                    Results.percentile(save, 95) < 50);
        } finally {
            deleteQuietly(folder);
        }
    }

    /**
     * CPU time of every Java thread of this JVM, the device's and the server's: the wall time's companion (a wall
     * p95 far above it is time the machine gave to other processes, or fsync waits). The JIT and the collector are
     * not Java threads and are left out; the process's own CPU clock ticks in 10 ms here, too coarse for one send.
     */
    private static long javaThreadsCpuNs() {
        long sum = 0;
        for (long cpu : THREADS.getThreadCpuTime(THREADS.getAllThreadIds())) {
            if (cpu > 0) {
                sum += cpu;
            }
        }
        return sum;
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is not worth failing a benchmark for.
        }
    }
}
