package tj.migrantsguide.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The parts of {@code serve} that end before the server runs (the server itself: server package tests). */
class ServeCommandTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);

    private String run(int expectedExitCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock);
        String text = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(expectedExitCode, code, text);
        return text;
    }

    @Test
    void theUsageNamesServeAndTheDeskPasswordVariable() {
        String usage = run(0, "--help");

        assertTrue(usage.contains("serve --feed FEED --port P [--db FILE] [--jdbc URL] [--host ADDR]"), usage);
        assertTrue(usage.contains("desk-operator --name NAME"), usage);
        assertTrue(usage.contains("$" + DeskOperator.PASSWORD_VARIABLE), usage);
    }

    @Test
    void serveNeedsAFeedAndAPort() {
        assertTrue(run(2, "serve", "--port", "8080").contains("--feed is required"));
        assertTrue(run(2, "serve", "--feed", "feed").contains("--port is required"));
        assertTrue(run(2, "serve", "--feed", "feed", "--port", "eighty").contains("--port must be a number"));
        assertTrue(run(2, "serve", "--feed", "feed", "--port", "70000").contains("--port must be a number"));
    }

    @Test
    void aTrustedProxyIsAnAddressNotANameAndTheLimitsAreOneOfThree() {
        String name = run(2, "serve", "--feed", "feed", "--port", "8080", "--trusted-proxy", "127.0.0.1,nginx.internal");
        assertTrue(name.contains("--trusted-proxy: not an IP address: \"nginx.internal\""), name);
        String limits = run(2, "serve", "--feed", "feed", "--port", "8080", "--limits", "some");
        assertTrue(limits.contains("--limits must be standard, proxy or none"), limits);
        assertTrue(run(0, "--help").contains("[--trusted-proxy ADDR[,ADDR]]"));
    }
}
