package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.testing.FakeClock;

/**
 * Whose address a per-address limit counts under: the connection's peer, or behind a trusted proxy the right-most
 * untrusted entry of X-Forwarded-For; a client's own X-Forwarded-For is never believed. InboxBehindNginxTest
 * does the same through a real nginx.
 */
class TrustedProxiesTest {
    private static final TrustedProxies NGINX = TrustedProxies.parse("127.0.0.1, ::1");

    @TempDir
    Path temp;

    private final FakeClock clock = new FakeClock(Instant.parse("2026-11-23T10:00:00Z"));
    private TestServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPeerThatIsNotATrustedProxyIsTheClientWhateverItsHeadersSay() {
        assertEquals("198.51.100.4", NGINX.client("198.51.100.4", List.of("203.0.113.9"), Optional.of("203.0.113.8")));
        assertEquals("127.0.0.1", TrustedProxies.NONE.client("127.0.0.1", List.of("203.0.113.9"), Optional.empty()));
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedHop() {
        assertEquals("203.0.113.9", NGINX.client("127.0.0.1", List.of("203.0.113.9"), Optional.empty()));
        assertEquals("203.0.113.9", NGINX.client("127.0.0.1", List.of("10.9.9.9, 1.2.3.4, 203.0.113.9"),
                Optional.empty()), "what the client wrote on the left is ignored");
        assertEquals("203.0.113.9", NGINX.client("127.0.0.1", List.of("1.2.3.4", "203.0.113.9, 127.0.0.1"),
                Optional.empty()), "over two header lines, through two trusted proxies");
        assertEquals("2001:db8:0:0:0:0:0:7", NGINX.client("0:0:0:0:0:0:0:1", List.of("[2001:db8::7]"),
                Optional.empty()));
    }

    @Test
    void aGarbledOrMissingHeaderNeverMakesUpAnAddress() {
        assertEquals("127.0.0.1", NGINX.client("127.0.0.1", List.of("not-an-address"), Optional.empty()));
        assertEquals("127.0.0.1", NGINX.client("127.0.0.1", List.of("999.1.1.1"), Optional.empty()));
        assertEquals("203.0.113.9", NGINX.client("127.0.0.1", List.of("evil.example, 203.0.113.9"),
                Optional.empty()));
        assertEquals("127.0.0.1", NGINX.client("127.0.0.1", List.of(), Optional.empty()));
        assertEquals("203.0.113.8", NGINX.client("127.0.0.1", List.of(), Optional.of("203.0.113.8")),
                "X-Real-IP when the proxy sends only that");
        assertEquals("127.0.0.1", NGINX.client("127.0.0.1", List.of("127.0.0.1"), Optional.empty()),
                "every hop trusted: the farthest");
    }

    @Test
    void aTrustedProxyIsGivenAsAnAddressNeverAName() {
        TrustedProxies.NotAnAddress refused = assertThrows(TrustedProxies.NotAnAddress.class,
                () -> TrustedProxies.parse("127.0.0.1,nginx.internal"));
        assertEquals("nginx.internal", refused.text());
        assertThrows(TrustedProxies.NotAnAddress.class, () -> TrustedProxies.parse("256.0.0.1"));
        assertTrue(TrustedProxies.parse("10.0.0.5").trusts("10.0.0.5"));
    }

    private HttpResponse<String> login(String name, String password, Optional<String> forwardedFor)
            throws Exception {
        HttpRequest.Builder form = server.request("desk/login").GET();
        forwardedFor.ifPresent(f -> form.header("X-Forwarded-For", f));
        HttpResponse<String> page = server.send(form);
        Matcher field = Pattern.compile("name=\"form\" value=\"([A-Za-z0-9_-]+)\"").matcher(page.body());
        assertTrue(field.find(), page.body());
        HttpRequest.Builder post = server.request("desk/login")
                .header("Cookie", page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0])
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("form=" + field.group(1) + "&name=" + name + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)));
        forwardedFor.ifPresent(f -> post.header("X-Forwarded-For", f));
        return server.send(post);
    }

    @Test
    void aClientForgingXForwardedForIsLimitedByItsOwnAddress() throws Exception {
        // This node trusts a proxy elsewhere, not its loopback client: the header is the client's own words.
        server = TestServer.start(clock, ReferenceServer.Limits.standard(), Optional.empty(), 0,
                TestServer.sqlite(temp), TrustedProxies.parse("192.0.2.1"));
        for (int i = 0; i < 10; i++) {
            assertEquals(401, login("nobody-" + i, "guess-" + i, Optional.of("203.0.113." + i)).statusCode());
        }

        HttpResponse<String> refused = login(TestServer.SUPERVISOR, TestServer.DESK_PASSWORD,
                Optional.of("203.0.113.200"));

        assertEquals(429, refused.statusCode(), "a new made-up address every time did not buy new guesses");
        assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    }

    @Test
    void behindATrustedProxyEachClientAddressHasItsOwnWrongPasswordLimit() throws Exception {
        server = TestServer.start(clock, ReferenceServer.Limits.behindProxy(), Optional.empty(), 0,
                TestServer.sqlite(temp), NGINX);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, login("nobody-" + i, "guess-" + i, Optional.of("1.1.1.1, 203.0.113.7")).statusCode());
        }

        assertEquals(429, login(TestServer.SUPERVISOR, TestServer.DESK_PASSWORD, Optional.of("203.0.113.7"))
                .statusCode(), "the guessing address waits");
        assertEquals(303, login(TestServer.SUPERVISOR, TestServer.DESK_PASSWORD, Optional.of("203.0.113.8"))
                .statusCode(), "another client behind the same proxy logs in");
        String supervisor = server.deskSession(TestServer.SUPERVISOR); // straight from loopback: nginx's address
        String audit = server.send(server.request("desk/audit").header("Cookie", supervisor).GET()).body();
        assertTrue(audit.contains("<td>from 203.0.113.7</td>") && audit.contains("<td>from 203.0.113.8</td>"), audit);
    }
}
