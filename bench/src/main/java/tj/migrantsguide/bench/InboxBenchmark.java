package tj.migrantsguide.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tj.migrantsguide.content.server.LocalPostgres;

/**
 * "Always in Touch" at national scale, on one machine and loopback only: 200 devices at once for 60 s (quick: 20 s)
 * through nginx (content/deploy/nginx-inbox.conf) to two inbox nodes (child processes of {@code guide-content
 * serve}) on a private PostgreSQL cluster. Each device asks question after question, retries each with the same
 * key and bytes until it is acknowledged, and now and then sends an acknowledged one again (a lost acknowledgement,
 * a restarted app). A third of the way in, one node is killed with kill -9 (and started again 5 s later); half-way,
 * PostgreSQL is stopped as by a crash and started again. At the end the database is read directly:
 * <b>lost</b> (acknowledged, not in the database, or another id), <b>duplicated</b> (one question stored twice,
 * or a replay answered with another id) must both be 0; p50/p95/p99 and requests/s are figures, not targets.
 */
final class InboxBenchmark implements Benchmark {
    private static final int DEVICES = 200;
    /** This benchmark's loopback ports: nginx, two nodes, PostgreSQL. */
    private static final int PORTS_FROM = 21600;
    private static final int PORTS_TO = 21700;
    /** A server asking to wait longer is waited for this long: the figure is the server's, not the backoff's. */
    private static final Duration RETRY_AFTER_CAP = Duration.ofSeconds(5);
    private static final Duration DRAIN_MAX = Duration.ofSeconds(90);

    @Override
    public String name() {
        return "inbox";
    }

    private record Acknowledged(String tokenHash, String key, byte[] body, String id) {}

    @Override
    public void run(boolean quick, Results results) throws Exception {
        Duration load = quick ? Duration.ofSeconds(20) : Duration.ofSeconds(60);
        Path folder = Files.createTempDirectory("inbox-bench");
        List<Integer> ports = freePorts(4);
        int proxyPort = ports.get(0);
        int[] nodePorts = {ports.get(1), ports.get(2)};
        Process[] nodes = new Process[2];
        Process nginx = null;
        try (LocalPostgres postgres = LocalPostgres.start(ports.get(3), true)) {
            String jdbcUrl = postgres.newDatabase();
            for (int n = 0; n < 2; n++) {
                nodes[n] = startNode(folder, n, nodePorts[n], jdbcUrl);
            }
            nginx = startNginx(folder, proxyPort, nodePorts);
            URI questions = URI.create("http://127.0.0.1:" + proxyPort + "/v1/questions");

            Queue queue = new Queue();
            ExecutorService devices = Executors.newFixedThreadPool(DEVICES);
            long start = System.nanoTime();
            long loadEnds = start + load.toNanos();
            List<Future<?>> running = new ArrayList<>();
            for (int d = 0; d < DEVICES; d++) {
                int device = d;
                running.add(devices.submit(() -> {
                    device(device, questions, loadEnds, queue);
                    return null;
                }));
            }
            // The faults, while the devices run.
            sleepUntil(start + load.toNanos() / 3);
            nodes[0].destroyForcibly(); // SIGKILL on Linux: no shutdown hook, requests cut mid-way
            nodes[0].waitFor();
            queue.events.add("node 1 killed (kill -9) at " + seconds(start));
            Thread.sleep(5_000);
            nodes[0] = startNode(folder, 0, nodePorts[0], jdbcUrl);
            queue.events.add("node 1 started again at " + seconds(start));
            sleepUntil(start + load.toNanos() / 2 + 5_000_000_000L);
            postgres.crashAndRestart();
            queue.events.add("PostgreSQL stopped (-m immediate) and started again at " + seconds(start));

            for (Future<?> device : running) {
                device.get(load.toSeconds() + DRAIN_MAX.toSeconds() + 60, TimeUnit.SECONDS);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            devices.shutdown();

            Map<String, String> stored = new HashMap<>();
            long rows;
            long distinctMessages;
            try (Connection connection = DriverManager.getConnection(jdbcUrl);
                    Statement statement = connection.createStatement()) {
                try (ResultSet all = statement.executeQuery(
                        "SELECT token_hash, idempotency_key, id FROM inbox_question")) {
                    while (all.next()) {
                        stored.put(all.getString(1) + " " + all.getString(2), all.getString(3));
                    }
                }
                try (ResultSet count = statement.executeQuery(
                        "SELECT count(*), count(DISTINCT message) FROM inbox_question")) {
                    count.next();
                    rows = count.getLong(1);
                    distinctMessages = count.getLong(2);
                }
            }
            long lost = 0;
            for (Acknowledged a : queue.acknowledged) {
                if (!a.id().equals(stored.get(a.tokenHash() + " " + a.key()))) {
                    lost++;
                }
            }
            long duplicated = (rows - distinctMessages) + queue.replayMismatches.get();
            double[] latencies = queue.latencies.stream().mapToDouble(Double::doubleValue).toArray();

            queue.events.forEach(e -> System.out.println("  [inbox] " + e));
            System.out.printf("  [inbox] %d devices, %.0f s of load + drain (%.1f s in all): %d requests, %d "
                    + "questions acknowledged, %d replays checked, %d retries (%d network errors, statuses %s);%n"
                    + "  [inbox] lost %d, duplicated %d, rows %d%n", DEVICES, (double) load.toSeconds(), elapsed,
                    latencies.length, queue.acknowledged.size(), queue.replays.get(), queue.retries.get(),
                    queue.networkErrors.get(), queue.retryStatuses, lost, duplicated, rows);
            results.put("inbox_devices", DEVICES);
            results.put("inbox_requests", latencies.length);
            results.put("inbox_acknowledged", queue.acknowledged.size());
            results.put("inbox_lost", lost);
            results.put("inbox_duplicated", duplicated);
            results.put("inbox_p50_ms", Results.percentile(latencies, 50));
            results.put("inbox_p95_ms", Results.percentile(latencies, 95));
            results.put("inbox_p99_ms", Results.percentile(latencies, 99));
            results.put("inbox_requests_per_s", latencies.length / elapsed);
            results.target("inbox_lost", "0 (every acknowledged question in the database)", lost == 0);
            results.target("inbox_duplicated", "0 (each question stored once)", duplicated == 0);
        } finally {
            if (nginx != null) {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
            for (Process node : nodes) {
                if (node != null) {
                    node.destroy();
                    node.waitFor(10, TimeUnit.SECONDS);
                }
            }
            deleteQuietly(folder);
        }
    }

    /** What the devices share: acknowledgements, latencies, counts. */
    private static final class Queue {
        final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();
        final Map<Integer, AtomicLong> retryStatuses = new ConcurrentHashMap<>();
        final AtomicLong retries = new AtomicLong();
        final AtomicLong networkErrors = new AtomicLong();
        final AtomicLong replays = new AtomicLong();
        final AtomicLong replayMismatches = new AtomicLong();
    }

    /** One device: new questions until {@code loadEnds}, each retried until acknowledged; some sent again. */
    private static void device(int device, URI questions, long loadEnds, Queue queue) throws Exception {
        SplittableRandom random = new SplittableRandom(device);
        byte[] tokenBytes = new byte[32];
        random.nextBytes(tokenBytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(tokenBytes);
        String tokenHash = sha256(token.getBytes(StandardCharsets.US_ASCII));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<Acknowledged> mine = new ArrayList<>();
        long drainEnds = loadEnds + DRAIN_MAX.toNanos();
        for (int n = 0; System.nanoTime() < loadEnds; n++) {
            String key = UUID.randomUUID().toString();
            byte[] body = ("{\"topic\":\"work-and-pay\",\"country\":\"RU\",\"language\":\"ru\",\"message\":"
                    + "\"Устройство " + device + ", вопрос " + n + ": работодатель не платит зарплату.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Optional<String> id = send(client, questions, token, key, body, drainEnds, queue);
            if (id.isEmpty()) {
                break; // the drain time is over: this one stays unacknowledged, which loses nothing
            }
            Acknowledged ack = new Acknowledged(tokenHash, key, body, id.get());
            mine.add(ack);
            queue.acknowledged.add(ack);
            if (random.nextInt(5) == 0) {
                Acknowledged again = mine.get(random.nextInt(mine.size()));
                Optional<String> replayed = send(client, questions, token, again.key(), again.body(), drainEnds,
                        queue);
                queue.replays.incrementAndGet();
                if (replayed.isPresent() && !replayed.get().equals(again.id())) {
                    queue.replayMismatches.incrementAndGet();
                }
            }
        }
    }

    /** Sends until a 201 (the receipt's id) or the drain time ends; 409/429/5xx and network errors retried. */
    private static Optional<String> send(HttpClient client, URI questions, String token, String key, byte[] body,
            long until, Queue queue) throws InterruptedException {
        while (System.nanoTime() < until) {
            HttpRequest request = HttpRequest.newBuilder(questions).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            long started = System.nanoTime();
            Duration wait = Duration.ofMillis(200);
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                queue.latencies.add((System.nanoTime() - started) / 1e6);
                if (response.statusCode() == 201) {
                    String receipt = response.body();
                    int at = receipt.indexOf("\"id\":\"");
                    return Optional.of(receipt.substring(at + 6, receipt.indexOf('"', at + 6)));
                }
                queue.retryStatuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                if (response.statusCode() != 409 && response.statusCode() != 429 && response.statusCode() < 500) {
                    throw new IllegalStateException("refused for good: " + response.statusCode() + " "
                            + response.body());
                }
                Optional<String> retryAfter = response.headers().firstValue("Retry-After");
                if (retryAfter.isPresent()) {
                    Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.get().trim()));
                    wait = asked.compareTo(RETRY_AFTER_CAP) > 0 ? RETRY_AFTER_CAP : asked;
                }
            } catch (IOException e) {
                queue.latencies.add((System.nanoTime() - started) / 1e6);
                queue.networkErrors.incrementAndGet();
            }
            queue.retries.incrementAndGet();
            Thread.sleep(wait.toMillis());
        }
        return Optional.empty();
    }

    private static Process startNode(Path folder, int n, int port, String jdbcUrl) throws Exception {
        Path feed = Files.createDirectories(folder.resolve("feed"));
        ProcessBuilder builder = new ProcessBuilder(Machine.java(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "tj.migrantsguide.content.Main", "serve", "--feed", feed.toString(), "--port", Integer.toString(port),
                "--jdbc", jdbcUrl, "--limits", "none")
                .redirectErrorStream(true).redirectOutput(folder.resolve("node-" + (n + 1) + ".log").toFile());
        Process process = builder.start();
        awaitListening(process, port, folder.resolve("node-" + (n + 1) + ".log"));
        return process;
    }

    private static Process startNginx(Path folder, int port, int[] nodes) throws Exception {
        Path binary = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx").map(Path::of)
                .filter(Files::isExecutable).findFirst().orElseThrow(() -> new IOException(
                        "nginx is not installed (apt-get install nginx-light)"));
        Path prefix = Files.createDirectories(folder.resolve("nginx"));
        Files.createDirectories(prefix.resolve("tmp"));
        // Everything comes from one address here, so the per-address limits are set far above the load; the
        // per-token rate is what one device of this benchmark may do (docs/deployment.md has real values).
        String config = Files.readString(Path.of("content/deploy/nginx-inbox.conf"))
                .replace("@PREFIX@", prefix.toString()).replace("@PORT@", Integer.toString(port))
                .replace("@NODE1@", Integer.toString(nodes[0])).replace("@NODE2@", Integer.toString(nodes[1]))
                .replace("@ADDRESS_RATE@", "100000").replace("@ADDRESS_BURST@", "100000")
                .replace("@ADDRESS_CONNECTIONS@", "2000").replace("@TOKEN_RATE@", "1000")
                .replace("@TOKEN_BURST@", "1000");
        Files.writeString(prefix.resolve("nginx.conf"), config);
        Process process = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c",
                prefix.resolve("nginx.conf").toString(), "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        awaitListening(process, port, prefix.resolve("error.log"));
        return process;
    }

    private static void awaitListening(Process process, int port, Path log) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (!process.isAlive()) {
                throw new IOException("exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("not listening on " + port + " after 30 s: " + Files.readString(log));
    }

    private static List<Integer> freePorts(int count) throws IOException {
        List<Integer> ports = new ArrayList<>();
        for (int port = PORTS_FROM; port < PORTS_TO && ports.size() < count; port++) {
            if (LocalPostgres.portFree(port)) {
                ports.add(port);
            }
        }
        if (ports.size() < count) {
            throw new IOException("not " + count + " free loopback ports in " + PORTS_FROM + "-" + PORTS_TO);
        }
        return ports;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static String seconds(long start) {
        return String.format("%.1f s", (System.nanoTime() - start) / 1e9);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is not worth failing a benchmark for.
        }
    }
}
