package tj.migrantsguide.content.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.SplittableRandom;
import tj.migrantsguide.testing.FakeClock;

/** The real reference server on a loopback port with a real SQLite file, and a raw HTTP client to poke it. */
final class TestServer implements AutoCloseable {
    static final String DESK_PASSWORD = "desk-password-for-tests";
    static final String OPERATOR = "aziz";
    /** Each server its own seed: two nodes on one database must not make the same ids and tokens. */
    private static final java.util.concurrent.atomic.AtomicLong SEEDS = new java.util.concurrent.atomic.AtomicLong(99);
    static final String SUPERVISOR = "malika";

    final String jdbcUrl;
    final ReferenceServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private TestServer(String jdbcUrl, ReferenceServer server) {
        this.jdbcUrl = jdbcUrl;
        this.server = server;
    }

    static TestServer start(Path folder, FakeClock clock, ReferenceServer.Limits limits, Optional<Path> feed)
            throws IOException {
        return start(folder, clock, limits, feed, 0);
    }

    static TestServer start(Path folder, FakeClock clock, ReferenceServer.Limits limits, Optional<Path> feed,
            int port) throws IOException {
        return start(clock, limits, feed, port, sqlite(folder));
    }

    /** The inbox in a SQLite file in {@code folder}. */
    static String sqlite(Path folder) {
        return "jdbc:sqlite:" + folder.resolve("inbox.db");
    }

    /** A server over the database at {@code jdbcUrl} (SQLite or a test's own PostgreSQL database). */
    static TestServer start(FakeClock clock, ReferenceServer.Limits limits, Optional<Path> feed, int port,
            String jdbcUrl) throws IOException {
        return start(clock, limits, feed, port, jdbcUrl, TrustedProxies.NONE);
    }

    /** A node that takes the client's address from {@code proxies}' X-Forwarded-For (a node behind nginx). */
    static TestServer start(FakeClock clock, ReferenceServer.Limits limits, Optional<Path> feed, int port,
            String jdbcUrl, TrustedProxies proxies) throws IOException {
        ReferenceServer server = ReferenceServer.start(new ReferenceServer.Settings(feed,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), jdbcUrl,
                DeskAccounts.Security.forTests(), limits, clock, new SplittableRandom(SEEDS.incrementAndGet()),
                proxies));
        DeskAccounts accounts = new DeskAccounts(server.inbox().desk(), DeskAccounts.Security.forTests(),
                new SplittableRandom(7));
        if (server.inbox().desk().operator(OPERATOR).isEmpty()) { // a second node on the same database has them
            accounts.add(OPERATOR, DESK_PASSWORD, DeskStore.Role.OPERATOR, clock.instant());
            accounts.add(SUPERVISOR, DESK_PASSWORD, DeskStore.Role.SUPERVISOR, clock.instant());
        }
        return new TestServer(jdbcUrl, server);
    }

    URI base() {
        return server.base();
    }

    /** A device token as the app makes them: 32 bytes, base64url. */
    static String token(int seed) {
        byte[] bytes = new byte[32];
        new SplittableRandom(seed).nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base().resolve(path));
    }

    HttpResponse<String> post(String token, String key, String body) throws IOException, InterruptedException {
        return send(request("v1/questions").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    HttpResponse<String> list(String token) throws IOException, InterruptedException {
        return send(request("v1/questions").header("Authorization", "Bearer " + token).GET());
    }

    HttpResponse<String> delete(String token, String id) throws IOException, InterruptedException {
        return send(request("v1/questions/" + id).header("Authorization", "Bearer " + token).DELETE());
    }

    /** The desk's login form sent as a browser sends it: its own CSRF cookie and field. */
    HttpResponse<String> deskLogin(String name, String password) throws IOException, InterruptedException {
        HttpResponse<String> form = send(request("desk/login").GET());
        String loginCookie = form.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"form\" value=\"([A-Za-z0-9_-]+)\"")
                .matcher(form.body());
        if (!field.find()) {
            throw new AssertionError("no form token: " + form.body());
        }
        return send(request("desk/login").header("Cookie", loginCookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("form=" + field.group(1) + "&name="
                        + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8) + "&password="
                        + java.net.URLEncoder.encode(password, StandardCharsets.UTF_8))));
    }

    /** Logs {@code name} in and returns the {@code Cookie} header value of its session. */
    String deskSession(String name) throws IOException, InterruptedException {
        HttpResponse<String> in = deskLogin(name, DESK_PASSWORD);
        if (in.statusCode() != 303) {
            throw new AssertionError("login of " + name + ": " + in.statusCode() + " " + in.body());
        }
        return in.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    int questions() {
        return server.inbox().questionCount();
    }

    /** Rows in a table of the inbox's database, read straight from it (not through the server). */
    int rows(String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
