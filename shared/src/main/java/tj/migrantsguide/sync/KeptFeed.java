package tj.migrantsguide.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFiles;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.feed.IndexEnvelope;
import tj.migrantsguide.feed.PackEntry;

/**
 * The signed files of the installed content, kept exactly as they were received, in {@code DATA/sync/feed/}
 * ({@code index.json} and {@code packs/<sha256>.json}), so that the device can pass those very bytes on: to a folder
 * ({@code export-feed DIR}) or to other devices on the local network ({@code share}). Whoever receives them checks
 * the Ministry's signature with their own trusted keys; nobody along the way can change what it says.
 *
 * <p>Files cannot join the database's transaction, so the order makes the folder always hold one whole feed: new
 * packs are written beside the old ones and the new index as {@code pending-index.json} before the content is
 * installed; after the commit, the pending index replaces {@code index.json} and unlisted packs are deleted. A
 * device killed between the two finds a pending index that matches the installed version and adopts it
 * ({@link #check}).
 */
public final class KeptFeed {
    static final String FOLDER = "feed";
    static final String PENDING = "pending-index.json";

    /** Why the kept files cannot be passed on now. */
    public enum Problem {
        /** Nothing kept yet: content installed by an app older than this feature, or a failed write. */
        NOTHING_KEPT,
        /** The kept index is of another version than the installed content. */
        OTHER_VERSION,
        /** A pack the kept index lists is not there. */
        MISSING_PACK,
        /** A kept pack's bytes are not the signed ones. */
        DAMAGED_PACK
    }

    /** The result of {@link #check}. */
    public sealed interface Check {}

    /**
     * The kept feed, whole and of the installed version.
     *
     * @param bytes the index and every pack
     */
    public record Ready(Path folder, FeedIndex index, long bytes) implements Check {
        public Ready {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(index, "index");
        }

        /** The files to pass on, index first: "index.json", "packs/….json". */
        public List<String> files() {
            List<String> files = new ArrayList<>();
            files.add(FeedWriter.INDEX);
            index.packs().forEach(p -> files.add(p.file()));
            return files;
        }
    }

    public record NotReady(Problem problem, String details) implements Check {
        public NotReady {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(details, "details");
        }

        public String describe() {
            return problem + " (" + details + ")";
        }
    }

    private final Path folder;

    KeptFeed(Path folder) {
        this.folder = folder;
    }

    public static KeptFeed in(Path dataDirectory) {
        return new KeptFeed(dataDirectory.resolve(SyncFolder.FOLDER).resolve(FOLDER));
    }

    public Path folder() {
        return folder;
    }

    /** Whether a signed index is kept (or pending), whatever its version. */
    public boolean keepsAnything() {
        return Files.exists(folder.resolve(FeedWriter.INDEX)) || Files.exists(folder.resolve(PENDING));
    }

    // ---- keeping ----

    /** Before installing: the changed packs and the new index (pending) beside what is kept. */
    void prepare(byte[] index, Map<PackEntry, byte[]> packs) throws IOException {
        Files.createDirectories(folder.resolve(FeedWriter.PACKS));
        for (Map.Entry<PackEntry, byte[]> pack : packs.entrySet()) {
            Path file = folder.resolve(pack.getKey().file());
            if (!Files.exists(file)) {
                FeedWriter.writeAtomically(file, pack.getValue());
            }
        }
        FeedWriter.writeAtomically(folder.resolve(PENDING), index);
    }

    /** After the install committed: the pending index becomes the kept one; packs it does not list go. */
    void commit(FeedIndex index) throws IOException {
        Path pending = folder.resolve(PENDING);
        if (Files.exists(pending)) {
            Files.move(pending, folder.resolve(FeedWriter.INDEX), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        }
        Set<String> listed = new HashSet<>();
        index.packs().forEach(p -> listed.add(Path.of(p.file()).getFileName().toString()));
        Path packs = folder.resolve(FeedWriter.PACKS);
        if (!Files.isDirectory(packs)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(packs)) {
            for (Path file : files) {
                if (!listed.contains(file.getFileName().toString())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** Keeps a feed read from {@code files} (the app's snapshot, just installed), replacing what was kept. */
    public void keepAll(FeedFiles files) throws IOException, FeedFormatException {
        byte[] indexBytes;
        try (InputStream in = files.open(FeedWriter.INDEX)) {
            indexBytes = in.readNBytes((int) FeedReader.MAX_INDEX_BYTES + 1);
        }
        FeedIndex index = FeedCodec.readSignedBody(FeedWriter.INDEX,
                IndexEnvelope.parse(FeedWriter.INDEX, indexBytes).signedBytes());
        Map<PackEntry, byte[]> packs = new java.util.LinkedHashMap<>();
        for (PackEntry entry : index.packs()) {
            try (InputStream in = files.open(entry.file())) {
                packs.put(entry, in.readNBytes((int) Math.min(entry.size() + 1, FeedReader.MAX_PACK_BYTES)));
            }
        }
        prepare(indexBytes, packs);
        commit(index);
    }

    // ---- passing on ----

    /**
     * Whether the kept files are a whole feed of the installed content: the index of {@code installedVersion}, every
     * pack it lists there with its signed size and hash.
     */
    public Check check(long installedVersion) {
        try {
            Optional<FeedIndex> pending = read(PENDING);
            if (pending.isPresent() && pending.get().version() == installedVersion) {
                // Killed after the install committed and before the index was renamed: finish the job.
                commit(pending.get());
            }
            Optional<FeedIndex> kept = read(FeedWriter.INDEX);
            if (kept.isEmpty()) {
                return new NotReady(Problem.NOTHING_KEPT, "no signed index in " + folder);
            }
            FeedIndex index = kept.get();
            if (index.version() != installedVersion) {
                return new NotReady(Problem.OTHER_VERSION, "kept version " + index.version() + ", installed "
                        + installedVersion);
            }
            long bytes = Files.size(folder.resolve(FeedWriter.INDEX));
            for (PackEntry entry : index.packs()) {
                Path file = folder.resolve(entry.file());
                byte[] pack;
                try {
                    pack = Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    return new NotReady(Problem.MISSING_PACK, entry.name() + " (" + entry.file() + ")");
                }
                if (pack.length != entry.size() || !FeedReader.sha256Hex(pack).equals(entry.sha256())) {
                    return new NotReady(Problem.DAMAGED_PACK, entry.name() + " (" + entry.file() + ")");
                }
                bytes += pack.length;
            }
            return new Ready(folder, index, bytes);
        } catch (IOException e) {
            return new NotReady(Problem.NOTHING_KEPT, "cannot read " + folder + ": " + e.getMessage());
        }
    }

    private Optional<FeedIndex> read(String name) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(folder.resolve(name));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(FeedCodec.readSignedBody(name, IndexEnvelope.parse(name, bytes).signedBytes()));
        } catch (FeedFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the kept files to {@code target} (a USB stick): packs first, then the index, each atomically, so a
     * stick pulled out early holds the previous feed or nothing, never an index without its packs. Packs already
     * there with the right bytes are left as they are.
     */
    public static Ready export(Ready feed, Path target) throws IOException {
        Files.createDirectories(target.resolve(FeedWriter.PACKS));
        for (PackEntry entry : feed.index().packs()) {
            Path to = target.resolve(entry.file());
            if (Files.isRegularFile(to) && Files.size(to) == entry.size()
                    && FeedReader.sha256Hex(Files.readAllBytes(to)).equals(entry.sha256())) {
                continue;
            }
            FeedWriter.writeAtomically(to, Files.readAllBytes(feed.folder().resolve(entry.file())));
        }
        FeedWriter.writeAtomically(target.resolve(FeedWriter.INDEX),
                Files.readAllBytes(feed.folder().resolve(FeedWriter.INDEX)));
        return new Ready(target, feed.index(), feed.bytes());
    }
}
