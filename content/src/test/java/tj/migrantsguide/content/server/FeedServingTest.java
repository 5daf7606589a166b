package tj.migrantsguide.content.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.testing.FakeClock;

/** The feed folder served under /feed/: files only, nothing outside it. */
class FeedServingTest {
    @TempDir
    Path temp;

    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        Path feed = temp.resolve("feed");
        Files.createDirectories(feed.resolve("packs"));
        Files.writeString(feed.resolve("index.json"), "{\"version\":1}");
        Files.writeString(feed.resolve("packs/abc.json"), "{\"pack\":true}");
        Files.writeString(feed.resolve("packs/.tmp-1.part"), "half written");
        Files.writeString(temp.resolve("secret.txt"), "outside the feed");
        Files.createDirectories(temp.resolve("outside"));
        Files.writeString(temp.resolve("outside/passwd"), "root:x:0:0");
        // Links an editor's copy or an attacker with write access to the folder could leave behind.
        Files.createSymbolicLink(feed.resolve("etc"), temp.resolve("outside"));
        Files.createSymbolicLink(feed.resolve("packs/secret.json"), temp.resolve("secret.txt"));
        Files.createDirectories(feed.resolve("old"));
        Files.writeString(feed.resolve("old/kept.json"), "{\"kept\":true}");
        Files.createSymbolicLink(feed.resolve("packs-old"), feed.resolve("old"));
        server = TestServer.start(temp, new FakeClock(Instant.parse("2026-11-23T10:00:00Z")),
                ReferenceServer.Limits.none(), Optional.of(feed));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void servesTheIndexForRevalidationAndPacksForever() throws Exception {
        HttpResponse<String> index = server.send(server.request("feed/index.json").GET());
        HttpResponse<String> pack = server.send(server.request("feed/packs/abc.json").GET());

        assertEquals(200, index.statusCode());
        assertEquals("{\"version\":1}", index.body());
        assertEquals(Optional.of("application/json"), index.headers().firstValue("Content-Type"));
        assertEquals(Optional.of("no-cache"), index.headers().firstValue("Cache-Control"));
        assertEquals("{\"pack\":true}", pack.body());
        assertEquals(Optional.of("public, max-age=31536000, immutable"), pack.headers().firstValue("Cache-Control"));
    }

    @Test
    void aSymlinkLeadingOutOfTheFeedFolderIsNotFollowed() throws Exception {
        for (String path : List.of("feed/etc/passwd", "feed/packs/secret.json")) {
            HttpResponse<String> response = server.send(server.request(path).GET());
            assertEquals(404, response.statusCode(), path + ": " + response.body());
        }
    }

    @Test
    void aSymlinkThatStaysInsideTheFeedFolderIsServed() throws Exception {
        HttpResponse<String> response = server.send(server.request("feed/packs-old/kept.json").GET());

        assertEquals(200, response.statusCode());
        assertEquals("{\"kept\":true}", response.body());
    }

    @Test
    void headGivesTheLengthWithoutTheBody() throws Exception {
        HttpResponse<String> head = server.send(server.request("feed/index.json")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertEquals(200, head.statusCode());
        assertEquals(Optional.of("13"), head.headers().firstValue("Content-Length"));
        assertEquals("", head.body());
    }

    @Test
    void nothingOutsideTheFeedOrHalfWrittenIsServed() throws Exception {
        for (String path : List.of("feed/../secret.txt", "feed/%2e%2e/secret.txt", "feed/packs/%2E%2E/%2E%2E/secret.txt",
                "feed/packs/.tmp-1.part", "feed/packs", "feed/packs/", "feed/", "feed/nothing.json",
                "feed/..%2Finbox.db", "feed/packs%5C..%5C..%5Csecret.txt")) {
            HttpResponse<String> response = server.send(server.request(path).GET());
            // 404, or 400 where Jetty already refuses the path as ambiguous (%2e%2e, %2F, %5C): never served.
            assertTrue(response.statusCode() == 404 || response.statusCode() == 400, path + ": " + response.body());
            assertFalse(response.body().contains("outside the feed"), path);
        }
        assertEquals(405, server.send(server.request("feed/index.json")
                .POST(HttpRequest.BodyPublishers.ofString("x"))).statusCode());
    }
}
