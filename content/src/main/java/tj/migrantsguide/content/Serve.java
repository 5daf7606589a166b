package tj.migrantsguide.content;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import tj.migrantsguide.content.server.ReferenceServer;
import tj.migrantsguide.content.server.TrustedProxies;

/** {@code guide-content.jar serve}: the reference server in the foreground until Ctrl-C. */
final class Serve {

    private Serve() {}

    static int run(Arguments arguments, PrintStream out, PrintStream err, Map<String, String> environment)
            throws IOException, Arguments.UsageException {
        Path feed = Path.of(arguments.required("--feed"));
        int port = port(arguments.required("--port"));
        if (!Files.isRegularFile(feed.resolve("index.json"))) {
            err.println("note: " + feed + " has no index.json yet; build one with: guide-content.jar build --out "
                    + feed);
        }
        String jdbcUrl = arguments.value("--jdbc")
                .orElseGet(() -> "jdbc:sqlite:" + Path.of(arguments.value("--db").orElse("inbox.db")).toAbsolutePath());
        InetAddress host = InetAddress.getByName(arguments.value("--host").orElse("127.0.0.1"));
        // Per-device limits live in one node's memory: behind a load balancer of several nodes they would each
        // count apart, so a fleet puts its limits in nginx (content/deploy/nginx-inbox.conf) and runs "none".
        String limits = arguments.value("--limits").orElse("standard");
        ReferenceServer.Settings settings = ReferenceServer.Settings.of(Optional.of(feed),
                new InetSocketAddress(host, port), jdbcUrl);
        switch (limits) {
            case "standard" -> { }
            case "proxy" -> settings = settings.withLimits(ReferenceServer.Limits.behindProxy());
            case "none" -> settings = settings.withLimits(ReferenceServer.Limits.none());
            default -> throw new Arguments.UsageException("--limits must be standard, proxy or none: " + limits);
        }
        // Behind nginx every request comes from nginx: only its X-Forwarded-For says who the client is, and only
        // a proxy named here is believed (a client can write the header too).
        if (arguments.value("--trusted-proxy").isPresent()) {
            try {
                settings = settings.withTrustedProxies(TrustedProxies.parse(arguments.value("--trusted-proxy")
                        .get()));
            } catch (TrustedProxies.NotAnAddress e) {
                throw new Arguments.UsageException("--trusted-proxy: " + e.getMessage());
            }
        }
        ReferenceServer server = ReferenceServer.start(settings);
        String base = server.base().toString();
        out.println("Migrant's Guide reference server");
        out.println("  feed:    " + base + "feed/index.json  (from " + feed.toAbsolutePath() + ")");
        out.println("  inbox:   " + base + "  (questions in " + jdbcUrl + ")");
        out.println("  desk:    " + base + "desk  (operators' accounts in the same database)");
        if (!server.inbox().desk().anyOperator()) {
            out.println("  no desk operator yet: " + DeskOperator.USAGE);
        }
        out.println("Ctrl-C stops.");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "stop-reference-server"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.close();
        }
        return 0;
    }

    private static int port(String text) throws Arguments.UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new Arguments.UsageException("--port must be a number from 0 to 65535: " + text);
        }
    }
}
