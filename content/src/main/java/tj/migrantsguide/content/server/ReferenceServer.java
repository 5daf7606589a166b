package tj.migrantsguide.content.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The reference server: the published feed ({@code /feed/}), the questions inbox ({@code /v1/questions}) and the
 * desk ({@code /desk}) in one process, for a demo on one laptop and for tests. {@code guide-content.jar serve}
 * starts one. A production deployment would put the feed on a static host and TLS in front of the rest.
 */
public final class ReferenceServer implements AutoCloseable {
    /** Per-token and per-address limits. */
    public record Limits(RateLimit submissions, RateLimit reads, RateLimit deskLogins) {
        /**
         * A device asks a few questions a month and syncs a few times an hour: ten questions at once then one every
         * six minutes, and thirty reads at once then one every ten seconds, are far above that and far below
         * what a flood needs. Ten wrong desk passwords, then one a minute.
         */
        public static Limits standard() {
            return new Limits(new RateLimit(10, Duration.ofMinutes(6)),
                    new RateLimit(30, Duration.ofSeconds(10)),
                    new RateLimit(10, Duration.ofMinutes(1)));
        }

        /**
         * Behind nginx: the per-device limits are nginx's (a node's memory would count apart from the others'),
         * the desk's wrong passwords per address stay in the node (per client address with trusted proxies).
         */
        public static Limits behindProxy() {
            return new Limits(RateLimit.NONE, RateLimit.NONE, standard().deskLogins());
        }

        /** No limits at all (benchmarks). */
        public static Limits none() {
            return new Limits(RateLimit.NONE, RateLimit.NONE, RateLimit.NONE);
        }

        /** Custom limits for submissions and reads, each {@code burst} then one per {@code refillEvery}. */
        public static Limits of(int submitBurst, Duration submitRefill, int readBurst, Duration readRefill) {
            return new Limits(new RateLimit(submitBurst, submitRefill),
                    new RateLimit(readBurst, readRefill), standard().deskLogins());
        }
    }

    /**
     * @param feed the published feed folder to serve, if any
     * @param jdbcUrl where the inbox keeps questions ({@code jdbc:sqlite:FILE} by default)
     * @param desk how operators' passwords are hashed, when they are locked out, how long a session lasts
     * @param trustedProxies whose {@code X-Forwarded-For} names the client (nginx in front); nobody's by default
     */
    public record Settings(Optional<Path> feed, InetSocketAddress address, String jdbcUrl,
            DeskAccounts.Security desk, Limits limits, Clock clock, RandomGenerator random,
            TrustedProxies trustedProxies) {
        public Settings {
            Objects.requireNonNull(trustedProxies, "trustedProxies");
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            Objects.requireNonNull(desk, "desk");
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(random, "random");
        }

        /** A node facing its clients directly: no proxy trusted. */
        public Settings(Optional<Path> feed, InetSocketAddress address, String jdbcUrl, DeskAccounts.Security desk,
                Limits limits, Clock clock, RandomGenerator random) {
            this(feed, address, jdbcUrl, desk, limits, clock, random, TrustedProxies.NONE);
        }

        public static Settings of(Optional<Path> feed, InetSocketAddress address, String jdbcUrl) {
            return new Settings(feed, address, jdbcUrl, DeskAccounts.Security.standard(), Limits.standard(),
                    Clock.systemUTC(), new SecureRandom());
        }

        public Settings withLimits(Limits newLimits) {
            return new Settings(feed, address, jdbcUrl, desk, newLimits, clock, random, trustedProxies);
        }

        public Settings withTrustedProxies(TrustedProxies proxies) {
            return new Settings(feed, address, jdbcUrl, desk, limits, clock, random, proxies);
        }
    }

    /**
     * What one node holds at most. Jetty parses headers without a thread (NIO), so a slow client costs a
     * connection, not a worker; the workers wait on the database and are bounded, and so is their queue (beyond
     * it Jetty refuses at once instead of queueing without end). Slow or silent connections end after
     * {@link #IDLE} without a byte; a request's headers over {@link #HEADER_BYTES} get 431, a body over
     * {@link #BODY_BYTES} gets 413 (each handler keeps its own smaller limit too). In production nginx in front
     * also bounds the whole header time and connections per address (docs/deployment.md).
     */
    static final int THREADS = 64;
    static final int QUEUE = 1024;
    static final int CONNECTIONS = 4096;
    static final Duration IDLE = Duration.ofSeconds(10);
    static final int HEADER_BYTES = 8 * 1024;
    static final long BODY_BYTES = 256 * 1024;
    /** A body trickled slower than this is ended (a slow-upload attack holds a worker while it reads). */
    static final long MIN_BODY_BYTES_PER_SECOND = 256;

    private final Server server;
    private final ServerConnector connector;
    private final InetAddress host;
    private final InboxStore inbox;

    private ReferenceServer(Server server, ServerConnector connector, InetAddress host, InboxStore inbox) {
        this.server = server;
        this.connector = connector;
        this.host = host;
        this.inbox = inbox;
    }

    public static ReferenceServer start(Settings settings) throws IOException {
        InboxStore inbox = InboxStore.open(settings.jdbcUrl());
        Map<String, ServerExchange.Route> routes = new LinkedHashMap<>();
        routes.put(InboxHandler.PATH, new InboxHandler(inbox,
                new RateLimiter(settings.limits().submissions(), settings.clock()),
                new RateLimiter(settings.limits().reads(), settings.clock()), settings.clock(), settings.random()));
        routes.put(DeskHandler.PATH, new DeskHandler(inbox, new DeskAccounts(inbox.desk(), settings.desk(),
                settings.random()),
                new RateLimiter(settings.limits().deskLogins(), settings.clock()), settings.clock(),
                settings.random()));
        settings.feed().ifPresent(feed -> routes.put(FeedHandler.PATH, new FeedHandler(feed)));

        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 4, 60_000, new BlockingArrayQueue<>(64, 64, QUEUE));
        threads.setName("reference-server");
        threads.setDaemon(true);
        Server server = new Server(threads);
        HttpConfiguration config = new HttpConfiguration();
        config.setSendServerVersion(false);
        config.setRequestHeaderSize(HEADER_BYTES);
        config.setMinRequestDataRate(MIN_BODY_BYTES_PER_SECOND);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(config));
        connector.setHost(settings.address().getAddress().getHostAddress());
        connector.setPort(settings.address().getPort());
        connector.setIdleTimeout(IDLE.toMillis());
        connector.setAcceptQueueSize(256);
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(CONNECTIONS, connector));
        server.setStopTimeout(1000);
        SizeLimitHandler sizeLimit = new SizeLimitHandler(BODY_BYTES, -1);
        sizeLimit.setHandler(new Routes(routes, settings.trustedProxies()));
        server.setHandler(sizeLimit);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // It did not start: nothing to stop.
            }
            inbox.close();
            throw e instanceof IOException io ? io : new IOException("start the reference server on "
                    + settings.address() + ": " + e.getMessage(), e);
        }
        return new ReferenceServer(server, connector, settings.address().getAddress(), inbox);
    }

    /** Each route owns its path and everything below it ({@code /desk} and {@code /desk/…}, not {@code /desking}). */
    private static final class Routes extends Handler.Abstract {
        private static final byte[] HOME = """
                Migrant's Guide reference server
                  /feed/index.json   the published feed
                  /v1/questions      the questions API (docs/questions-api.md)
                  /desk              the desk for answering questions
                """.getBytes(StandardCharsets.UTF_8);
        private static final byte[] NOT_FOUND = "Not found\n".getBytes(StandardCharsets.UTF_8);

        private final Map<String, ServerExchange.Route> routes;
        private final TrustedProxies proxies;

        Routes(Map<String, ServerExchange.Route> routes, TrustedProxies proxies) {
            this.routes = Map.copyOf(routes);
            this.proxies = proxies;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            ServerExchange exchange = new ServerExchange(request, response, callback, proxies);
            String path = exchange.path();
            try {
                for (Map.Entry<String, ServerExchange.Route> route : routes.entrySet()) {
                    String prefix = route.getKey().endsWith("/") ? route.getKey() : route.getKey() + "/";
                    if (path.equals(route.getKey()) || path.startsWith(prefix)) {
                        route.getValue().handle(exchange);
                        return true;
                    }
                }
                exchange.reply(path.equals("/") ? 200 : 404, "text/plain; charset=utf-8",
                        path.equals("/") ? HOME : NOT_FOUND, Map.of());
            } catch (IOException | RuntimeException e) {
                if (!exchange.replied()) {
                    exchange.fail(e); // the body could not be read: Jetty answers or closes the connection
                }
            }
            return true;
        }
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** The base address devices use ({@code http://host:port/}). */
    public URI base() {
        String host = this.host.isAnyLocalAddress() ? "127.0.0.1" : this.host.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    public InboxStore inbox() {
        return inbox;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping a server already stopped: nothing left to release but the store.
        }
        inbox.close();
    }
}
