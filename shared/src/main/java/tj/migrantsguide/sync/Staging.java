package tj.migrantsguide.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.PackEntry;

/**
 * Packs downloaded and verified (size and SHA-256 against a signed index) but not installed yet, named by their
 * hash: {@code staging/<sha256>.json}. A sync that was interrupted (network dropped, app killed) finds them here
 * and downloads only what is missing. Only whole, verified packs are ever stored (temp file then rename), and each
 * is checked again when read, so a damaged file is downloaded again rather than installed.
 */
final class Staging {
    private final Path folder;

    Staging(Path folder) {
        this.folder = folder;
    }

    /** The staged pack for {@code entry}, if one is there and still matches it. */
    Optional<byte[]> verified(PackEntry entry) throws IOException {
        Path file = file(entry.sha256());
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, entry.size() + 1));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (bytes.length == entry.size() && FeedReader.sha256Hex(bytes).equals(entry.sha256())) {
            return Optional.of(bytes);
        }
        Files.deleteIfExists(file);
        return Optional.empty();
    }

    /** Keeps a pack whose size and hash the caller has just checked. */
    void keep(PackEntry entry, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        FeedWriter.writeAtomically(file(entry.sha256()), bytes);
    }

    /** Removes everything but the packs of the index being installed (and leftovers of interrupted writes). */
    void retainOnly(Set<String> sha256s) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                boolean wanted = name.endsWith(".json")
                        && sha256s.contains(name.substring(0, name.length() - ".json".length()));
                if (!wanted) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    void clear() throws IOException {
        retainOnly(Set.of());
    }

    private Path file(String sha256) {
        return folder.resolve(sha256 + ".json");
    }
}
