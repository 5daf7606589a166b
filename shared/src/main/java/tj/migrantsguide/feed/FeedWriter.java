package tj.migrantsguide.feed;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a feed folder: content-addressed packs under {@code packs/} first, then {@code index.json}, signed, last
 * and atomically, so that a web server never serves an index that names a pack not yet written. Packs of earlier
 * versions stay, so a device that fetched the previous index a moment ago still finds its packs.
 */
public final class FeedWriter {
    public static final String INDEX = "index.json";
    public static final String PACKS = "packs";

    private FeedWriter() {}

    /** Writes the packs and the signed index; returns the index written. */
    public static FeedIndex write(Path folder, long version, Instant published, Instant expires, CommonPack common,
            List<CountryPack> countryPacks, List<FeedKey> nextKeys, List<SigningKey> signers) throws IOException {
        List<PackEntry> entries = new ArrayList<>();
        entries.add(writePack(folder, FeedCodec.writeCommon(common)).named(PackEntry.COMMON));
        for (CountryPack pack : countryPacks) {
            entries.add(writePack(folder, FeedCodec.writeCountryPack(pack)).named(pack.packName()));
        }
        FeedIndex index = new FeedIndex(FeedIndex.FORMAT, version, published, expires, entries, nextKeys);
        writeIndex(folder, index, signers);
        return index;
    }

    /** A pack file written under its content address. */
    public record WrittenPack(String file, long size, String sha256) {
        public PackEntry named(String name) {
            return new PackEntry(name, file, size, sha256);
        }
    }

    /** Writes {@code bytes} as {@code packs/<sha256>.json} unless a file with that address is already there. */
    public static WrittenPack writePack(Path folder, byte[] bytes) throws IOException {
        String sha256 = FeedReader.sha256Hex(bytes);
        String file = PackEntry.fileFor(sha256);
        Path target = folder.resolve(file);
        if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            writeAtomically(target, bytes);
        }
        return new WrittenPack(file, bytes.length, sha256);
    }

    /**
     * Writes the signed index. Static servers derive their validators from the file's modification time in whole
     * seconds (nginx's ETag is mtime and size; Last-Modified has no finer unit), so a second index written within
     * the same second as the first, with the same size, would be answered "304 Not Modified" to every device until
     * the next publication. The new index's time is therefore set past the old one's whole second.
     */
    public static void writeIndex(Path folder, FeedIndex index, List<SigningKey> signers) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(INDEX);
        FileTime notBefore = Files.exists(target)
                ? FileTime.from(Files.getLastModifiedTime(target).toInstant().truncatedTo(ChronoUnit.SECONDS)
                        .plusSeconds(1))
                : null;
        writeAtomically(target, FeedCodec.writeIndex(index, signers), notBefore);
    }

    /** Temp file in the same folder, then rename: readers see the old file or the new one, never half of one. */
    public static void writeAtomically(Path target, byte[] bytes) throws IOException {
        writeAtomically(target, bytes, null);
    }

    private static void writeAtomically(Path target, byte[] bytes, FileTime notBefore) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            Files.write(temp, bytes);
            if (notBefore != null && Files.getLastModifiedTime(temp).compareTo(notBefore) < 0) {
                Files.setLastModifiedTime(temp, notBefore);
            }
            // Feeds are public and served by web servers running as another user; temp files start as 0600.
            if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
