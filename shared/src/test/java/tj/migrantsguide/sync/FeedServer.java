package tj.migrantsguide.sync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import tj.migrantsguide.feed.FeedReader;

/**
 * A static feed host on a loopback port (the JDK's HttpServer), serving a folder the way nginx or a CDN would:
 * application/json, ETag and Last-Modified, 304 to a matching conditional request. A {@link Fault} per path makes
 * it misbehave the way a hostile or broken server does. It counts requests and body bytes.
 */
final class FeedServer implements AutoCloseable {
    /** One way to answer a request instead of serving the file. */
    @FunctionalInterface
    interface Fault {
        void respond(HttpExchange exchange, byte[] file) throws IOException, InterruptedException;
    }

    /** A request as the server saw it. */
    record Request(String path, int status, long bodyBytes, Map<String, List<String>> headers) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "feed-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final List<Request> requests = new ArrayList<>();
    /** Handlers still running: a client may have read its whole answer before the handler has recorded it. */
    private int inFlight;
    private final AtomicLong bodyBytes = new AtomicLong();
    private volatile Path folder;

    private FeedServer(Path folder) throws IOException {
        this.folder = folder;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/feed/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    static FeedServer serving(Path folder) throws IOException {
        return new FeedServer(folder);
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed/");
    }

    /** Publishes another folder (a new version) at the same address. */
    void serve(Path newFolder) {
        folder = newFolder;
    }

    void fault(String path, Fault fault) {
        faults.put(path, fault);
    }

    void clearFaults() {
        faults.clear();
    }

    synchronized List<Request> requests() {
        awaitHandlers();
        return List.copyOf(requests);
    }

    synchronized void forgetRequests() {
        awaitHandlers();
        requests.clear();
        bodyBytes.set(0);
    }

    synchronized long bodyBytes() {
        awaitHandlers();
        return bodyBytes.get();
    }

    /** Waits (a few seconds at most, for a client that hung up on a fault) until every handler has recorded. */
    private void awaitHandlers() {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
        try {
            while (inFlight > 0 && System.nanoTime() < deadline) {
                wait(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        synchronized (this) {
            inFlight++;
        }
        String path = exchange.getRequestURI().getPath().substring("/feed/".length());
        CountingBody body = new CountingBody(exchange.getResponseBody());
        exchange.setStreams(null, body);
        try {
            Path file = folder.resolve(path).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] bytes = Files.readAllBytes(file);
            Fault fault = faults.get(path);
            if (fault != null) {
                fault.respond(exchange, bytes);
                return;
            }
            String etag = "\"" + FeedReader.sha256Hex(bytes) + "\"";
            String lastModified = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    Files.getLastModifiedTime(file).toInstant().atOffset(ZoneOffset.UTC));
            exchange.getResponseHeaders().set("ETag", etag);
            exchange.getResponseHeaders().set("Last-Modified", lastModified);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.sendResponseHeaders(304, -1);
                return;
            }
            exchange.sendResponseHeaders(200, bytes.length);
            body.write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away or a fault cut the answer short: both are part of the tests.
        } finally {
            synchronized (this) {
                requests.add(new Request(path, exchange.getResponseCode(), body.count, Map.copyOf(exchange.getRequestHeaders())));
                bodyBytes.addAndGet(body.count);
                inFlight--;
                notifyAll();
            }
            try {
                exchange.close();
            } catch (RuntimeException | Error e) {
                // A fault may have left the exchange half-written on purpose.
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private static final class CountingBody extends FilterOutputStream {
        long count;

        CountingBody(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    // ---- faults ----

    static Fault status(int code) {
        return (exchange, file) -> exchange.sendResponseHeaders(code, -1);
    }

    /** Serves other bytes than the file, as application/json with the right length. */
    static Fault body(byte[] bytes) {
        return (exchange, file) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        };
    }

    /** A body that never ends: JSON whitespace, forever. */
    static Fault endless() {
        return (exchange, file) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            byte[] spaces = " ".repeat(8192).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            OutputStream out = exchange.getResponseBody();
            while (!Thread.currentThread().isInterrupted()) {
                out.write(spaces);
            }
        };
    }

    /** The file with {@code extra} more bytes after it, and a Content-Length that says so. */
    static Fault oversized(int extra) {
        return (exchange, file) -> {
            byte[] longer = java.util.Arrays.copyOf(file, file.length + extra);
            java.util.Arrays.fill(longer, file.length, longer.length, (byte) ' ');
            body(longer).respond(exchange, file);
        };
    }

    /** Announces the whole file, sends half, and closes the connection. */
    static Fault truncated() {
        return (exchange, file) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, file.length);
            exchange.getResponseBody().write(file, 0, file.length / 2);
            exchange.getResponseBody().flush();
            // Closing short of the announced length makes the server drop the connection.
        };
    }

    static Fault contentType(String type, byte[] page) {
        return (exchange, file) -> {
            exchange.getResponseHeaders().set("Content-Type", type);
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
        };
    }

    /** Takes the request and never answers. */
    static Fault hang() {
        return (exchange, file) -> Thread.sleep(Long.MAX_VALUE);
    }

    /** Sends the headers, then nothing. */
    static Fault headersThenSilence() {
        return (exchange, file) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            exchange.getResponseBody().flush();
            Thread.sleep(Long.MAX_VALUE);
        };
    }

    /** Sends the file a byte at a time, a byte every 50 ms: never stalled, never done. */
    static Fault trickle() {
        return (exchange, file) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; ; i = (i + 1) % file.length) {
                out.write(file[i]);
                out.flush();
                Thread.sleep(50);
            }
        };
    }

    /** Answers with {@code body} and the given Content-Encoding. */
    static Fault encoded(String encoding, byte[] encodedBody) {
        return (exchange, file) -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.getResponseHeaders().set("Content-Encoding", encoding);
            exchange.sendResponseHeaders(200, encodedBody.length);
            exchange.getResponseBody().write(encodedBody);
        };
    }
}
