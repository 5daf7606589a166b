package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.testing.FakeClock;

/**
 * Two inbox nodes on one PostgreSQL behind nginx, configured from content/deploy/nginx-inbox.conf as run-local and
 * the benchmark use it: a question goes through; with one node stopped the next goes to the other
 * (proxy_next_upstream); a resend of the same key lands on whichever node and gets the first answer (the database
 * holds the key, not a node); and the desk's wrong-password limit per address counts each client apart behind nginx
 * (nginx's X-Forwarded-For, believed from nginx only: {@link TrustedProxies}), clients on 127.0.0.2 and 127.0.0.3.
 */
@ExtendWith(TestPostgres.class)
class InboxBehindNginxTest {
    private static final String BODY = "{\"topic\":\"work-and-pay\",\"country\":\"RU\",\"language\":\"ru\","
            + "\"message\":\"Работодатель не платит зарплату третий месяц.\"}";

    @TempDir
    Path temp;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process nginx;
    private TestServer first;
    private TestServer second;

    @AfterEach
    void stop() throws Exception {
        if (nginx != null) {
            nginx.destroy();
            nginx.waitFor(10, TimeUnit.SECONDS);
        }
        for (TestServer node : new TestServer[] {first, second}) {
            if (node != null) {
                node.close();
            }
        }
    }

    private HttpResponse<String> ask(URI base, String token, String key) throws Exception {
        return client.send(HttpRequest.newBuilder(base.resolve("v1/questions")).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BODY, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return QuestionCodec.readReceipt(response.body().getBytes(StandardCharsets.UTF_8)).orElseThrow().id();
    }

    private static Path nginxBinary() {
        Optional<Path> binary = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        if (binary.isEmpty()) {
            System.out.println("[nginx] skipped: nginx is not installed (apt-get install nginx-light)");
            assumeTrue(false, "nginx is not installed");
        }
        return binary.get();
    }

    @Test
    void aQuestionGoesThroughWithEitherNodeDownAndItsKeyHoldsAcrossNodes() throws Exception {
        Path binary = nginxBinary();
        String database = TestPostgres.newDatabase();
        first = TestServer.start(clock, ReferenceServer.Limits.none(), Optional.empty(), 0, database);
        second = TestServer.start(clock, ReferenceServer.Limits.none(), Optional.empty(), 0, database);
        int port = LocalPostgres.freePort(21550, 21600).orElseThrow();
        URI proxy = startNginx(binary, port, first.server.port(), second.server.port());
        String token = TestServer.token(11);

        String asked = id(ask(proxy, token, "key-1"));
        first.close();
        first = null;
        String again = id(ask(proxy, token, "key-1"));
        String another = id(ask(proxy, token, "key-2"));

        assertEquals(asked, again, "the resend got the first answer, from the node still up");
        assertTrue(!another.equals(asked));
        assertEquals(2, second.questions());
    }

    @Test
    void behindNginxTwoClientAddressesHaveTheirOwnWrongPasswordLimits() throws Exception {
        Path binary = nginxBinary();
        // One node, named twice in the upstream: its count of wrong passwords is in its own memory.
        first = TestServer.start(clock, ReferenceServer.Limits.behindProxy(), Optional.empty(), 0,
                TestServer.sqlite(temp), TrustedProxies.parse("127.0.0.1"));
        int port = LocalPostgres.freePort(21550, 21600).orElseThrow();
        startNginx(binary, port, first.server.port(), first.server.port());

        for (int i = 0; i < 10; i++) {
            assertEquals(401, login("127.0.0.2", port, "nobody-" + i, "guess-" + i).status());
        }
        Reply guesser = login("127.0.0.2", port, TestServer.SUPERVISOR, TestServer.DESK_PASSWORD);
        Reply other = login("127.0.0.3", port, TestServer.SUPERVISOR, TestServer.DESK_PASSWORD);

        assertEquals(429, guesser.status(), "the address that guessed waits, even with the right password");
        assertEquals(303, other.status(), "another address behind the same nginx is not held to its budget");
        String session = other.header("set-cookie").split(";")[0];
        Reply audit = send("127.0.0.3", port, "GET /desk/audit HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nCookie: " + session + "\r\nConnection: close\r\n\r\n");
        assertTrue(audit.body().contains("<td>from 127.0.0.2</td>") && audit.body().contains("<td>from 127.0.0.3</td>"),
                audit.body());
        assertTrue(!audit.body().contains("<td>from 127.0.0.1</td>"), "nginx's own address is nobody's");
    }

    @Test
    void behindNginxTheLoginLimitPerAddressHoldsAcrossTwoNodes() throws Exception {
        Path binary = nginxBinary();
        // Two nodes on one database: each counts wrong passwords in its own memory and sees half of the guesses.
        String database = TestPostgres.newDatabase();
        first = TestServer.start(clock, ReferenceServer.Limits.behindProxy(), Optional.empty(), 0, database,
                TrustedProxies.parse("127.0.0.1"));
        second = TestServer.start(clock, ReferenceServer.Limits.behindProxy(), Optional.empty(), 0, database,
                TrustedProxies.parse("127.0.0.1"));
        int port = LocalPostgres.freePort(21550, 21600).orElseThrow();
        startNginx(binary, port, first.server.port(), second.server.port());

        // A new name each time: no name's lockout (in the database) comes into it, only the address's limit. nginx
        // takes turns between the nodes and a login is two requests (the form, then the POST), so every other
        // guess reads the form once more: the guesses then fall on both nodes, five each, under each node's limit.
        String form = "GET /desk/login HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
        for (int i = 0; i < 10; i++) {
            if (i % 2 == 1) {
                assertEquals(200, send("127.0.0.4", port, form).status());
            }
            assertEquals(401, login("127.0.0.4", port, "nobody-" + i, "guess-" + i).status());
        }
        Reply guesser = login("127.0.0.4", port, TestServer.SUPERVISOR, TestServer.DESK_PASSWORD);
        Reply other = login("127.0.0.5", port, TestServer.SUPERVISOR, TestServer.DESK_PASSWORD);

        assertEquals(429, guesser.status(), "nginx holds the guesser's address to ten tries, whichever node answers");
        assertEquals(303, other.status(), "another address is not held to the guesser's budget");
    }

    /** A response read off a raw socket: status, headers (names in lower case, the last of each), body. */
    private record Reply(int status, java.util.Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name, "");
        }
    }

    /**
     * One HTTP/1.1 exchange from the local address {@code from} (the JDK's HttpClient cannot choose it): a
     * different loopback address is a different client to nginx.
     */
    private static Reply send(String from, int port, String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String[] lines = response.substring(0, end).split("\r\n");
            java.util.Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                String[] pair = lines[i].split(":", 2);
                headers.put(pair[0].trim().toLowerCase(java.util.Locale.ROOT), pair[1].trim());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, response.substring(end + 4));
        }
    }

    /** The desk's login form from {@code from}, as a browser sends it: its CSRF cookie and field. */
    private static Reply login(String from, int port, String name, String password) throws IOException {
        String host = "Host: 127.0.0.1:" + port + "\r\n";
        Reply form = send(from, port, "GET /desk/login HTTP/1.1\r\n" + host + "Connection: close\r\n\r\n");
        java.util.regex.Matcher field = java.util.regex.Pattern.compile("name=\"form\" value=\"([A-Za-z0-9_-]+)\"")
                .matcher(form.body());
        assertTrue(field.find(), form.body());
        String body = "form=" + field.group(1) + "&name=" + name + "&password=" + password;
        return send(from, port, "POST /desk/login HTTP/1.1\r\n" + host + "Cookie: "
                + form.header("set-cookie").split(";")[0] + "\r\nContent-Type: application/x-www-form-urlencoded"
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    private URI startNginx(Path binary, int port, int node1, int node2) throws Exception {
        Path prefix = Files.createDirectories(temp.resolve("nginx"));
        Files.createDirectories(prefix.resolve("tmp"));
        String config = Files.readString(Path.of("deploy/nginx-inbox.conf"))
                .replace("@PREFIX@", prefix.toString()).replace("@PORT@", Integer.toString(port))
                .replace("@NODE1@", Integer.toString(node1)).replace("@NODE2@", Integer.toString(node2))
                .replace("@ADDRESS_RATE@", "100").replace("@ADDRESS_BURST@", "100")
                .replace("@ADDRESS_CONNECTIONS@", "100").replace("@TOKEN_RATE@", "10").replace("@TOKEN_BURST@", "10");
        Files.writeString(prefix.resolve("nginx.conf"), config);
        nginx = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c",
                prefix.resolve("nginx.conf").toString(), "-e", prefix.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("stdout.log").toFile()).start();
        for (int i = 0; i < 200; i++) {
            if (!nginx.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(prefix.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return URI.create("http://127.0.0.1:" + port + "/");
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx is not listening on " + port);
    }
}
