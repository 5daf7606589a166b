package tj.migrantsguide.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.FeedWriter;

/**
 * Sync from nginx serving the published folder, as a real feed host would (with gzip on, as most are). nginx runs
 * as a child process with its own configuration in a temp folder. CI installs it (.ci/run); when it is missing the
 * test fails, unless skipped on purpose with {@code -DskipNginx=true}.
 */
class NginxSyncTest {
    @TempDir
    Path temp;

    private Process nginx;
    private Device device;

    @AfterEach
    void stop() throws InterruptedException {
        if (device != null) {
            device.close();
        }
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) {
                nginx.destroyForcibly();
            }
        }
    }

    @Test
    void syncsFromNginxIncrementallyAndThenWithOne304() throws Exception {
        Path root = temp.resolve("www");
        Path feed = root.resolve("feed");
        copyInto(FeedFixtures.committed("installed-v2"), feed);
        URI url = start(root);
        device = new Device(temp.resolve("data"));

        SyncResult first = device.sync(url);
        assertEquals(2, assertInstanceOf(SyncResult.Updated.class, first, first.describe()).to());

        // Publishing v3 the way the publisher does: new packs beside the old ones, then the index.
        copyInto(FeedFixtures.committed("next-v3"), feed);
        SyncResult second = device.sync(url);
        SyncResult.Updated updated = assertInstanceOf(SyncResult.Updated.class, second, second.describe());
        assertEquals(3, updated.to());
        assertEquals(1, updated.packsDownloaded());
        assertEquals("Registration within 15 days", device.englishTitle());

        SyncResult third = device.sync(url);
        assertInstanceOf(SyncResult.UpToDate.class, third, third.describe());
        List<String> log = Files.readAllLines(temp.resolve("nginx/access.log"));
        assertTrue(log.get(log.size() - 1).startsWith("/feed/index.json 304 0"), String.join("\n", log));
        assertTrue(log.stream().anyMatch(line -> line.endsWith(" gzip")), "nginx gzipped something: " + log);
    }

    private URI start(Path root) throws Exception {
        Path binary = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")
                .map(Path::of).filter(Files::isExecutable).findFirst().orElse(null);
        if (binary == null) {
            Assumptions.assumeFalse(Boolean.getBoolean("skipNginx"), "nginx skipped on purpose (-DskipNginx=true)");
            fail("nginx is not installed: apt-get install nginx-light (as .ci/run does), or skip this test on"
                    + " purpose with -DskipNginx=true");
        }
        Path prefix = temp.resolve("nginx");
        Files.createDirectories(prefix.resolve("tmp"));
        IOException lastFailure = null;
        // The free port is found first and taken by nginx a moment later; another process may take it between.
        for (int attempt = 0; attempt < 3; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Files.writeString(prefix.resolve("nginx.conf"), config(prefix, root, port));
            nginx = new ProcessBuilder(binary.toString(), "-p", prefix.toString(), "-c",
                    prefix.resolve("nginx.conf").toString(), "-e", prefix.resolve("error.log").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(prefix.resolve("stdout.log").toFile())
                    .start();
            try {
                awaitListening(port);
                return URI.create("http://127.0.0.1:" + port + "/feed/");
            } catch (IOException e) {
                lastFailure = e;
                nginx.destroyForcibly().waitFor();
            }
        }
        throw new IOException("nginx did not start: " + Files.readString(prefix.resolve("error.log")), lastFailure);
    }

    private void awaitListening(int port) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (!nginx.isAlive()) {
                throw new IOException("nginx exited with " + nginx.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IOException("nginx is not listening on " + port);
    }

    private static String config(Path prefix, Path root, int port) {
        String tmp = prefix.resolve("tmp").toString();
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 64; }
                http {
                    log_format feed '$request_uri $status $body_bytes_sent $sent_http_content_encoding';
                    access_log %1$s/access.log feed;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    types { application/json json; }
                    default_type application/octet-stream;
                    gzip on;
                    gzip_types application/json;
                    gzip_min_length 1;
                    server {
                        listen 127.0.0.1:%3$d;
                        root %4$s;
                    }
                }
                """.formatted(prefix, tmp, port, root);
    }

    /** Publishes {@code from} into {@code to} as the publisher does (FeedWriter): packs first, the index last. */
    private static void copyInto(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from.resolve("packs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.createDirectories(to.resolve("packs"));
                Files.copy(file, to.resolve("packs").resolve(file.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // v2's and v3's indexes have the same size; FeedWriter moves the new one's time past the old one's second,
        // or nginx (ETag = mtime + size) would answer 304 to the new index.
        FeedWriter.writeIndex(to, FeedFixtures.readIndex(from), List.of(TestKeys.development()));
        assertEquals(Files.readString(from.resolve("index.json")), Files.readString(to.resolve("index.json")));
    }
}
