package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.testing.FakeClock;

/**
 * A slow-header attack (a "slowloris"): many connections that send the start of a request and then one byte now
 * and then. With the JDK server's 8 threads, 8 such connections stopped the feed, the API and the desk for 60 s
 * (issue 20). With Jetty a trickling connection holds no worker, so a normal request is still answered.
 */
class SlowClientsTest {
    private static final int SLOW_CLIENTS = 200;

    @TempDir
    Path temp;

    @Test
    void twoHundredSlowHeaderConnectionsDoNotStopANormalRequest() throws Exception {
        try (TestServer server = TestServer.start(temp, new FakeClock(Instant.parse("2026-11-23T10:00:00Z")),
                ReferenceServer.Limits.standard(), Optional.empty())) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.server.port());
                    socket.getOutputStream().write(("GET /v1/questions HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow-" + i
                            + ": ").getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    slow.add(socket);
                }
                // One more byte on every connection, as a trickling client does, so none of them is idle.
                for (Socket socket : slow) {
                    OutputStream out = socket.getOutputStream();
                    out.write('a');
                    out.flush();
                }

                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                // A bound for liveness, not a speed target (those live in bench/run): the requirement is an answer
                // within 1 s; 5 s keeps a loaded 2-core CI machine from failing a server that does answer, while
                // the old server, all of whose threads the slow clients held, did not answer for 60 s.
                long started = System.nanoTime();
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(server.base().resolve("v1/questions"))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());

                assertEquals(401, answer.statusCode(), "the API answered (a request without a token gets 401)");
                System.out.println("[slow clients] " + SLOW_CLIENTS + " slow-header connections open; a normal "
                        + "request answered in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            } finally {
                for (Socket socket : slow) {
                    socket.close();
                }
            }
        }
    }
}
