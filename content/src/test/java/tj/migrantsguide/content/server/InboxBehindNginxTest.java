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
 * holds the key, not a node).
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

    @Test
    void aQuestionGoesThroughWithEitherNodeDownAndItsKeyHoldsAcrossNodes() throws Exception {
        Optional<Path> binary = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx").map(Path::of)
                .filter(Files::isExecutable).findFirst();
        if (binary.isEmpty()) {
            System.out.println("[nginx] skipped: nginx is not installed (apt-get install nginx-light)");
            assumeTrue(false, "nginx is not installed");
        }
        String database = TestPostgres.newDatabase();
        first = TestServer.start(clock, ReferenceServer.Limits.none(), Optional.empty(), 0, database);
        second = TestServer.start(clock, ReferenceServer.Limits.none(), Optional.empty(), 0, database);
        int port = LocalPostgres.freePort(21550, 21600).orElseThrow();
        URI proxy = startNginx(binary.get(), port, first.server.port(), second.server.port());
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
