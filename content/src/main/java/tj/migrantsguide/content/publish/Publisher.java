package tj.migrantsguide.content.publish;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import tj.migrantsguide.content.source.EditorialContent;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedKey;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.SigningKey;

/**
 * Turns linted editorial content into a feed folder: content-addressed packs under {@code packs/}, then
 * {@code index.json}, signed and written last and atomically so that a reader never sees an index naming missing
 * packs (see {@link FeedWriter} and docs/feed-format.md).
 */
public final class Publisher {
    public static final String INDEX = FeedWriter.INDEX;
    public static final String PACKS = FeedWriter.PACKS;

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

    /**
     * Deletes the pack files {@code index} does not list. Only for a folder nobody serves (the app's snapshot): a
     * published folder keeps older packs, which devices still fetching the previous index need.
     */
    public static void removePacksNotListed(Path feedFolder, FeedIndex index) throws IOException {
        Set<String> listed = new HashSet<>();
        index.packs().forEach(p -> listed.add(Path.of(p.file()).getFileName().toString()));
        Path packs = feedFolder.resolve(PACKS);
        if (!Files.isDirectory(packs)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(packs, "*.json")) {
            for (Path file : files) {
                if (!listed.contains(file.getFileName().toString())) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Publishes {@code content} as {@code version}, signed by {@code key}. */
    public FeedIndex publish(EditorialContent content, long version, Path out, SigningKey key) throws IOException {
        return publish(content, version, out, List.of(key), List.of());
    }

    /**
     * Publishes {@code content} as {@code version}, signed by every key in {@code signers} (more than one while
     * rotating keys), announcing {@code nextKeys} as the keys devices should trust from this version on.
     */
    public FeedIndex publish(EditorialContent content, long version, Path out, List<SigningKey> signers,
            List<FeedKey> nextKeys) throws IOException {
        if (signers.isEmpty()) {
            throw new IllegalArgumentException("a feed needs at least one signing key");
        }
        Instant published = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return FeedWriter.write(out, version, published, published.plus(Duration.ofDays(content.validDays())),
                content.common(), content.countryPacks(), nextKeys, signers);
    }
}
