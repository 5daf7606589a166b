package tj.migrantsguide.content.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Serves a published feed folder read-only under {@code /feed/}, as any static host would: files only, nothing
 * outside the folder, no listings. The index may change at every publish (revalidate); packs are named by their
 * hash and never change (cache for a year).
 */
final class FeedHandler implements HttpHandler {
    static final String PATH = "/feed/";

    private final Path root;

    FeedHandler(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            Path file = resolve(exchange.getRequestURI().getRawPath());
            if (file == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            long size = Files.size(file);
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", name.endsWith(".json")
                    ? "application/json" : "application/octet-stream");
            boolean pack = exchange.getRequestURI().getRawPath().startsWith(PATH + "packs/");
            exchange.getResponseHeaders().set("Cache-Control", pack
                    ? "public, max-age=31536000, immutable" : "no-cache");
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            if (method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, size == 0 ? -1 : size);
            try (InputStream in = Files.newInputStream(file); OutputStream out = exchange.getResponseBody()) {
                in.transferTo(out);
            }
        }
    }

    /** The file a request path names inside the feed folder, or null when it names none. */
    private Path resolve(String rawPath) {
        if (!rawPath.startsWith(PATH)) {
            return null;
        }
        String relative = URLDecoder.decode(rawPath.substring(PATH.length()).replace("+", "%2B"),
                StandardCharsets.UTF_8);
        if (relative.isEmpty() || relative.contains("\\") || relative.contains("\0")) {
            return null;
        }
        for (String segment : relative.split("/")) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return null; // "..", hidden files, temp files of a publish in progress
            }
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        // NOFOLLOW_LINKS looks at the last segment only: a symlinked folder inside the feed (feed/packs -> /etc)
        // would still lead out. The real path, every link resolved, must stay inside the real feed folder.
        try {
            Path real = file.toRealPath();
            return real.startsWith(root.toRealPath()) ? real : null;
        } catch (IOException e) {
            return null; // gone meanwhile, or a broken link
        }
    }
}
