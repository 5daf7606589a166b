package tj.migrantsguide.content.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

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
     * @param deskPassword the password of the desk page (user name: {@code desk})
     */
    public record Settings(Optional<Path> feed, InetSocketAddress address, String jdbcUrl, String deskPassword,
            Limits limits, Clock clock, RandomGenerator random) {
        public Settings {
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(jdbcUrl, "jdbcUrl");
            if (deskPassword == null || deskPassword.isEmpty()) {
                throw new IllegalArgumentException("the desk needs a password");
            }
            Objects.requireNonNull(limits, "limits");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(random, "random");
        }

        public static Settings of(Optional<Path> feed, InetSocketAddress address, String jdbcUrl, String deskPassword) {
            return new Settings(feed, address, jdbcUrl, deskPassword, Limits.standard(), Clock.systemUTC(),
                    new SecureRandom());
        }

        public Settings withLimits(Limits newLimits) {
            return new Settings(feed, address, jdbcUrl, deskPassword, newLimits, clock, random);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final InboxStore inbox;

    private ReferenceServer(HttpServer server, ExecutorService executor, InboxStore inbox) {
        this.server = server;
        this.executor = executor;
        this.inbox = inbox;
    }

    public static ReferenceServer start(Settings settings) throws IOException {
        // The JDK server leaves Nagle's algorithm on by default: a response written in two packets then waits for
        // the client's delayed ACK, about 40 ms per request. Read once, when the first server is made.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // A client that trickles its request (at most 16 KiB here) would hold one of the few threads forever.
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", "60");
        }
        InboxStore inbox = InboxStore.open(settings.jdbcUrl());
        HttpServer server = HttpServer.create(settings.address(), 64);
        server.createContext(InboxHandler.PATH, new InboxHandler(inbox,
                new RateLimiter(settings.limits().submissions(), settings.clock()),
                new RateLimiter(settings.limits().reads(), settings.clock()), settings.clock(), settings.random()));
        server.createContext(DeskHandler.PATH, new DeskHandler(inbox, settings.deskPassword(),
                new RateLimiter(settings.limits().deskLogins(), settings.clock()), settings.clock(),
                settings.random()));
        settings.feed().ifPresent(feed -> server.createContext(FeedHandler.PATH, new FeedHandler(feed)));
        server.createContext("/", exchange -> {
            try (exchange) {
                boolean home = exchange.getRequestURI().getPath().equals("/");
                byte[] body = (home ? """
                        Migrant's Guide reference server
                          /feed/index.json   the published feed
                          /v1/questions      the questions API (docs/questions-api.md)
                          /desk              the desk for answering questions
                        """ : "Not found\n").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(home ? 200 : 404, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        // Requests wait on SQLite and on slow phones' uploads; a few threads keep one slow client from stalling all.
        ExecutorService executor = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "reference-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.start();
        return new ReferenceServer(server, executor, inbox);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base address devices use ({@code http://host:port/}). */
    public URI base() {
        String host = server.getAddress().getAddress().isAnyLocalAddress() ? "127.0.0.1"
                : server.getAddress().getAddress().getHostAddress();
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
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        inbox.close();
    }
}
