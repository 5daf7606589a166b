package tj.migrantsguide.content.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Serves a published feed folder read-only under {@code /feed/}, as any static host would: files only, nothing
 * outside the folder, no listings. The index may change at every publish (revalidate); packs are named by their
 * hash and never change (cache for a year).
 */
final class FeedHandler implements ServerExchange.Route {
    static final String PATH = "/feed/";

    private final Path root;

    FeedHandler(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void handle(ServerExchange exchange) throws IOException {
        String method = exchange.method();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.reply(405, "", new byte[0], Map.of("Allow", "GET, HEAD"));
            return;
        }
        Path file = resolve(exchange.path());
        byte[] bytes;
        try {
            bytes = file == null ? null : Files.readAllBytes(file); // an index and packs of a few KiB each
        } catch (NoSuchFileException e) {
            bytes = null; // replaced by a publish meanwhile
        }
        if (bytes == null) {
            exchange.reply(404, "text/plain; charset=utf-8", "Not found\n".getBytes(StandardCharsets.UTF_8),
                    Map.of());
            return;
        }
        String name = file.getFileName().toString();
        boolean pack = exchange.path().startsWith(PATH + "packs/");
        exchange.reply(200, name.endsWith(".json") ? "application/json" : "application/octet-stream", bytes,
                Map.of("Cache-Control", pack ? "public, max-age=31536000, immutable" : "no-cache"));
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
