package tj.migrantsguide.content.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.PackEntry;

/**
 * Turns linted editorial content into a feed folder: content-addressed packs under {@code packs/}, then
 * {@code index.json}, written last and atomically so that a reader never sees an index naming missing packs.
 */
public final class Publisher {
    public static final String INDEX = "index.json";
    public static final String PACKS = "packs";

    private final Clock clock;

    public Publisher(Clock clock) {
        this.clock = clock;
    }

    /** The version of the index already in {@code feedFolder}, if there is one. */
    public static OptionalLong lastPublishedVersion(Path feedFolder) throws IOException {
        Path index = feedFolder.resolve(INDEX);
        if (!Files.exists(index)) {
            return OptionalLong.empty();
        }
        try (InputStream in = Files.newInputStream(index)) {
            return OptionalLong.of(FeedCodec.readIndex(index.toString(), in.readAllBytes()).version());
        } catch (FeedFormatException e) {
            throw new IOException("cannot read the last published index: " + e.getMessage(), e);
        }
    }

    public FeedIndex publish(EditorialContent content, long version, Path out) throws IOException {
        Files.createDirectories(out.resolve(PACKS));
        List<PackEntry> entries = new ArrayList<>();
        entries.add(writePack(out, PackEntry.COMMON, FeedCodec.writeCommon(content.common())));
        for (CountryPack pack : content.countryPacks()) {
            entries.add(writePack(out, pack.packName(), FeedCodec.writeCountryPack(pack)));
        }
        Instant published = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        FeedIndex index = new FeedIndex(FeedIndex.FORMAT, version, published,
                published.plus(Duration.ofDays(content.validDays())), entries);
        writeAtomically(out.resolve(INDEX), FeedCodec.writeIndex(index));
        return index;
    }

    private static PackEntry writePack(Path out, String name, byte[] bytes) throws IOException {
        String sha256 = FeedReader.sha256Hex(bytes);
        String file = PACKS + "/" + sha256 + ".json";
        Path target = out.resolve(file);
        if (!Files.exists(target)) {
            writeAtomically(target, bytes);
        }
        return new PackEntry(name, file, bytes.length, sha256);
    }

    /** Feeds are public and served by static web servers running as another user; temp files start as 0600. */
    private static void makeWorldReadable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path temp = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            Files.write(temp, bytes);
            makeWorldReadable(temp);
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
