package tj.migrantsguide.share;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.sync.KeptFeed;

/**
 * Serves the device's kept signed feed ({@link KeptFeed}) on the local network, so that other devices sync from it
 * like from the Ministry's feed ({@code sync http://ADDR:PORT/}) and check the Ministry's signature with their own
 * keys: a sharer can pass on only what the Ministry signed, and nothing older than what a receiver has.
 *
 * <p>Read-only: GET and HEAD of {@code /index.json} and of the packs that index lists, nothing else (no listing, no
 * other file of the data folder, whatever the path says). Files are read from disk at each request, as they are.
 * Jetty (embedded, well kept) bounds it: a small thread pool, at most {@link Limits#connections} connections at once,
 * an idle timeout that closes slow or silent connections, small request headers. Bound to one chosen interface.
 */
public final class ShareServer implements AutoCloseable {
    /**
     * @param connections connections open at once (a class of 20-30 laptops syncing: each takes a moment)
     * @param idle a connection that sends or reads nothing for this long is closed
     * @param threads request threads
     */
    public record Limits(int connections, Duration idle, int threads) {
        public static final Limits DEFAULT = new Limits(32, Duration.ofSeconds(10), 8);

        public Limits {
            Objects.requireNonNull(idle, "idle");
            if (connections < 1 || threads < 4) {
                throw new IllegalArgumentException("at least 1 connection and 4 threads");
            }
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final KeptFeed.Ready feed;
    private final AtomicLong bytesServed = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    private ShareServer(KeptFeed.Ready feed, InetAddress host, int port, Limits limits) {
        this.feed = feed;
        QueuedThreadPool threads = new QueuedThreadPool(limits.threads(), 2);
        threads.setName("share");
        threads.setDaemon(true);
        server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setSendDateHeader(false);
        config.setRequestHeaderSize(4096);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(host.getHostAddress());
        connector.setPort(port);
        connector.setIdleTimeout(limits.idle().toMillis());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(limits.connections(), connector));
        server.setStopTimeout(1000);
        Map<String, Path> files = new HashMap<>();
        files.put("/" + FeedWriter.INDEX, feed.folder().resolve(FeedWriter.INDEX));
        for (PackEntry entry : feed.index().packs()) {
            files.put("/" + entry.file(), feed.folder().resolve(entry.file()));
        }
        server.setHandler(new KeptFiles(Map.copyOf(files)));
    }

    /**
     * Starts serving {@code feed} on {@code host} (an address of this device; the loopback address for tests) and
     * {@code port} (0: any free port).
     *
     * @throws IOException when the address cannot be bound (taken, not this device's)
     */
    public static ShareServer start(KeptFeed.Ready feed, InetAddress host, int port, Limits limits)
            throws IOException {
        ShareServer share = new ShareServer(feed, host, port, limits);
        try {
            share.server.start();
        } catch (IOException e) {
            share.close();
            throw e;
        } catch (Exception e) {
            share.close();
            throw new IOException("start sharing on " + host.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
        return share;
    }

    /** The address other devices sync from: {@code http://ADDR:PORT/}. */
    public URI url() {
        String host = connector.getHost();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort()
                + "/");
    }

    public KeptFeed.Ready feed() {
        return feed;
    }

    /** Body bytes sent so far. */
    public long bytesServed() {
        return bytesServed.get();
    }

    /** Files served so far (answers 200). */
    public long filesServed() {
        return requests.get();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping a server that failed to start, or one already stopped: nothing left to release.
        }
    }

    /** GET and HEAD of the listed files; 405 for other methods, 404 for anything else. */
    private final class KeptFiles extends Handler.Abstract {
        private final Map<String, Path> files;

        KeptFiles(Map<String, Path> files) {
            this.files = files;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String method = request.getMethod();
            boolean head = HttpMethod.HEAD.is(method);
            if (!head && !HttpMethod.GET.is(method)) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
                Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
                return true;
            }
            Path file = files.get(request.getHttpURI().getPath());
            byte[] bytes;
            try {
                bytes = file == null ? null : Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                bytes = null;
            }
            if (bytes == null) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                return true;
            }
            response.setStatus(HttpStatus.OK_200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            if (head) {
                response.write(true, null, callback);
            } else {
                requests.incrementAndGet();
                bytesServed.addAndGet(bytes.length);
                response.write(true, ByteBuffer.wrap(bytes), callback);
            }
            return true;
        }
    }
}
