package tj.migrantsguide.sync;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.FeedCodec;
import tj.migrantsguide.feed.FeedFormatException;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedKey;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.IndexEnvelope;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.feed.TrustedKeys;
import tj.migrantsguide.feed.UnsupportedFormatException;
import tj.migrantsguide.store.ContentUpdate;
import tj.migrantsguide.store.GuideStore;
import tj.migrantsguide.store.InstalledFeed;
import tj.migrantsguide.store.StoreException;

/**
 * Brings the device's content up to the feed's newest version, or says why not. The one way content changes after
 * the first start.
 *
 * <p>The checks run in a fixed order (docs/feed-format.md, "Verification order"), each before anything that
 * depends on it: the index's size cap, its signature by a trusted key (and by a pinned root key if it announces new
 * keys), a version newer than the installed one, not expired; then for each pack whose hash changed, its size cap
 * and hash while downloading; then all packs are installed in one database transaction. Whatever fails, the
 * installed content stays exactly as it was.
 *
 * <p>Screens never wait for this: it runs on a background thread and touches the database only for the final,
 * short transaction.
 */
public final class Sync {
    private Sync() {}

    /**
     * Runs one sync of {@code store} (kept in {@code dataDirectory}) from {@code source}. Never throws for anything
     * the network, the server or the disk does: every outcome is a {@link SyncResult}.
     */
    @SuppressWarnings("try") // the lock is held for the whole run by being open, never used directly
    public static SyncResult run(GuideStore store, Path dataDirectory, FeedSource source, Clock clock,
            SyncProgress progress) {
        SyncFolder folder = new SyncFolder(dataDirectory);
        if (store.readOnly().isPresent()) {
            // Nothing could be installed or remembered; asking the network would only cost the person's data.
            return new SyncResult.Failed("update the content", store.readOnly().get().describe());
        }
        SyncResult result;
        try (SyncLock lock = SyncLock.acquire(folder.path()); Downloader downloader = new Downloader(source)) {
            result = new Run(store, folder, source, clock, downloader, new Downloader.Progress(progress)).run();
        } catch (Stopped stopped) {
            result = stopped.result();
        } catch (IOException e) {
            result = new SyncResult.Failed("use the sync folder " + folder.path(), String.valueOf(e.getMessage()));
        } catch (StoreException e) {
            result = new SyncResult.Failed("read the installed content", String.valueOf(e.getMessage()));
        }
        try {
            folder.recordHistory(result, clock.instant());
        } catch (IOException e) {
            // The history only feeds a line on the screen; losing it must not turn a good sync into a failure.
        }
        return result;
    }

    /** The keys this device trusts now: the pinned ones and those learned from verified indexes. */
    public static TrustedKeys trustedKeys(Path dataDirectory, TrustedKeys pinned) {
        return pinned.plus(TrustedKeys.of(new SyncFolder(dataDirectory).learnedKeysUnder(pinned).keys()));
    }

    /** One run: holds what the steps share. */
    private static final class Run {
        private final GuideStore store;
        private final SyncFolder folder;
        private final FeedSource source;
        private final Clock clock;
        private final Downloader downloader;
        private final Downloader.Progress progress;

        Run(GuideStore store, SyncFolder folder, FeedSource source, Clock clock, Downloader downloader,
                Downloader.Progress progress) {
            this.store = store;
            this.folder = folder;
            this.source = source;
            this.clock = clock;
            this.downloader = downloader;
            this.progress = progress;
        }

        SyncResult run() throws Stopped {
            Optional<InstalledFeed> installed = store.installedFeed();
            long have = installed.map(InstalledFeed::version).orElse(0L);
            Map<String, String> installedPacks = store.installedPacks();
            String indexUrl = source.indexUrl().toString();
            // Validators are only good for the version they were given with: after a snapshot import or a
            // recovery the database may hold another version, and a 304 would then be a lie.
            Optional<SyncFolder.IndexCache> validators = installed.isEmpty() ? Optional.empty()
                    : folder.indexCache().filter(c -> c.url().equals(indexUrl) && c.version() == have);

            // 1. The index, capped (in Downloader).
            Downloader.IndexResponse response = downloader.index(validators, progress);
            if (response.bytes().isEmpty()) {
                clearStaging();
                return upToDate(installed.orElseThrow());
            }
            byte[] indexBytes = response.bytes().get();

            // 2. Signature by a trusted key, before anything inside 'signed' is read.
            IndexEnvelope envelope;
            try {
                envelope = IndexEnvelope.parse("index.json", indexBytes);
            } catch (FeedFormatException e) {
                throw Stopped.rejected(new Rejection.BadFormat(e.file(), e.problem()));
            }
            TrustedKeys remembered = source.pinned().plus(TrustedKeys.of(folder.learnedKeysUnder(source.pinned())
                    .keys()));
            TrustedKeys.Verification verification = remembered.plus(source.thisRunOnly()).verify(envelope);
            if (verification instanceof TrustedKeys.Verification.BadSignature bad) {
                throw Stopped.rejected(new Rejection.BadSignature(bad.keyIds()));
            } else if (verification instanceof TrustedKeys.Verification.UnknownKey unknown) {
                throw Stopped.rejected(new Rejection.UnknownKey(unknown.keyIds()));
            }
            FeedKey signer = ((TrustedKeys.Verification.Verified) verification).key();
            FeedIndex index;
            try {
                index = FeedCodec.readSignedBody("index.json", envelope.signedBytes());
            } catch (UnsupportedFormatException e) {
                throw Stopped.rejected(new Rejection.UnsupportedFormat(FeedIndex.FORMAT, e.format()));
            } catch (FeedFormatException e) {
                throw Stopped.rejected(new Rejection.BadFormat(e.file(), e.problem()));
            }
            boolean vouchedByRememberedKey = remembered.contains(signer.keyId());
            // New signing keys need the root (TUF's root/targets split): only a root key the app pins may announce
            // them, never a signing key on its own, so one leaked signing key cannot hand the device to another.
            Optional<FeedKey> root = source.pinned().rootThatSigned(envelope);
            if (!index.nextKeys().isEmpty() && root.isEmpty()) {
                throw Stopped.rejected(new Rejection.UnauthorisedKeys(
                        index.nextKeys().stream().map(FeedKey::keyId).toList(), List.of(signer.keyId()),
                        source.pinned().roots().stream().map(FeedKey::keyId).toList()));
            }
            Instant now = clock.instant();

            // 3. Newer than what is installed.
            if (index.version() < have) {
                throw Stopped.rejected(new Rejection.Rollback(have, index.version()));
            }
            if (index.version() == have) {
                if (!index.packHashes().equals(installedPacks)) {
                    throw Stopped.rejected(new Rejection.SameVersionOtherContent(have, differingPacks(index,
                            installedPacks)));
                }
                if (!index.isExpiredAt(now)) {
                    learnKeys(index, vouchedByRememberedKey, root);
                }
                rememberValidators(response, index.version());
                clearStaging();
                return upToDate(installed.orElseThrow());
            }

            // 4. Not expired: an expired index is not installed (freeze), whatever it holds.
            if (index.isExpiredAt(now)) {
                throw Stopped.rejected(new Rejection.Expired(index.version(), index.expires(), now));
            }
            learnKeys(index, vouchedByRememberedKey, root);

            // 5. Each changed pack: size cap and hash while downloading; verified ones are staged.
            List<PackEntry> changed = index.packs().stream()
                    .filter(e -> !e.sha256().equals(installedPacks.get(e.name())))
                    .toList();
            Map<String, byte[]> packs = new LinkedHashMap<>();
            List<PackEntry> toDownload = new ArrayList<>();
            Staging staging = folder.staging();
            try {
                staging.retainOnly(new HashSet<>(changed.stream().map(PackEntry::sha256).toList()));
                for (PackEntry entry : changed) {
                    if (entry.size() > source.limits().maxPackBytes()) {
                        throw Stopped.rejected(new Rejection.TooLarge(entry.file(), source.limits().maxPackBytes()));
                    }
                    Optional<byte[]> staged = staging.verified(entry);
                    if (staged.isPresent()) {
                        packs.put(entry.name(), staged.get());
                    } else {
                        toDownload.add(entry);
                    }
                }
            } catch (IOException e) {
                throw Stopped.failed("read the staging folder", e);
            }
            long packBytes = toDownload.stream().mapToLong(PackEntry::size).sum();
            progress.expect(packBytes);
            // One deadline for all the packs of this run, in proportion to their signed sizes: however the server
            // spreads its slowness over the files, the run ends within the index's deadline plus this.
            Downloader.Deadline packsDeadline = Downloader.Deadline.in(source.limits().deadlineFor(packBytes));
            for (PackEntry entry : toDownload) {
                byte[] bytes = downloader.pack(entry, progress, packsDeadline);
                String actual = FeedReader.sha256Hex(bytes);
                if (!actual.equals(entry.sha256())) {
                    throw Stopped.rejected(wrongPack(entry, bytes, actual, index, installedPacks));
                }
                try {
                    staging.keep(entry, bytes);
                } catch (IOException e) {
                    throw Stopped.failed("keep a downloaded pack", e);
                }
                packs.put(entry.name(), bytes);
            }

            // Each pack must be what its entry says: the common pack, or this country in this language.
            Optional<CommonPack> common = Optional.empty();
            List<CountryPack> replaced = new ArrayList<>();
            for (PackEntry entry : changed) {
                byte[] bytes = packs.get(entry.name());
                try {
                    if (entry.name().equals(PackEntry.COMMON)) {
                        common = Optional.of(FeedCodec.readCommon(entry.file(), bytes));
                    } else {
                        CountryPack pack = FeedCodec.readCountryPack(entry.file(), bytes);
                        if (!pack.packName().equals(entry.name())) {
                            throw Stopped.rejected(new Rejection.MixAndMatch(entry.name(),
                                    "the file holds " + pack.packName()));
                        }
                        replaced.add(pack);
                    }
                } catch (FeedFormatException e) {
                    throw Stopped.rejected(new Rejection.BadFormat(e.file(), e.problem()));
                }
            }
            Set<String> removed = new HashSet<>(installedPacks.keySet());
            removed.removeAll(index.packHashes().keySet());

            // The signed files as received, kept to be passed on (KeptFeed): written before the install so that the
            // kept folder always holds one whole feed. Failing to keep them costs only the sharing.
            boolean kept = keep(indexBytes, changed, packs);

            // 6. All at once.
            try {
                store.apply(new ContentUpdate(index, common, replaced, removed, source.origin(signer.keyId())));
            } catch (StoreException | IllegalArgumentException e) {
                throw Stopped.failed("install version " + index.version(), e);
            }
            rememberValidators(response, index.version());
            if (kept) {
                try {
                    folder.kept().commit(index);
                } catch (IOException e) {
                    // The next check of the kept feed finishes it (KeptFeed.check).
                }
            }
            try {
                staging.clear();
            } catch (IOException e) {
                // Installed already; leftovers are removed by the next run's retainOnly.
            }
            return new SyncResult.Updated(have, index.version(), downloader.wireBytes(), toDownload.size());
        }

        private boolean keep(byte[] indexBytes, List<PackEntry> changed, Map<String, byte[]> packs) {
            Map<PackEntry, byte[]> files = new LinkedHashMap<>();
            changed.forEach(entry -> files.put(entry, packs.get(entry.name())));
            try {
                folder.kept().prepare(indexBytes, files);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        /**
         * Packs staged for the version that is installed now are of no more use: a run killed after its commit and
         * before it emptied the staging folder left them (found by CrashTest), and without this they would stay
         * until the next new version.
         */
        private void clearStaging() {
            try {
                folder.staging().clear();
            } catch (IOException e) {
                // Leftovers cost disk space only; the next run tries again.
            }
        }

        private SyncResult upToDate(InstalledFeed installed) {
            return new SyncResult.UpToDate(installed.version(), installed.expires(),
                    !clock.instant().isBefore(installed.expires()));
        }

        /**
         * Trust the index's {@code next_keys} from now on (key rotation), if a key the device already trusted
         * vouched for the index and {@code root}, a pinned root, signed it too (checked before). Learned before the
         * packs download: the index is verified, newer and current, and a sync interrupted later must not lose the
         * rotation.
         */
        private void learnKeys(FeedIndex index, boolean vouchedByRememberedKey, Optional<FeedKey> root)
                throws Stopped {
            if (!vouchedByRememberedKey || index.nextKeys().isEmpty() || root.isEmpty()) {
                return;
            }
            SyncFolder.LearnedKeys current = folder.learnedKeysUnder(source.pinned());
            if (index.version() < current.fromVersion() || current.keys().equals(index.nextKeys())) {
                return;
            }
            try {
                folder.writeLearnedKeys(new SyncFolder.LearnedKeys(index.version(), index.nextKeys(),
                        root.get().keyId()));
            } catch (IOException e) {
                throw Stopped.failed("remember the feed's new keys", e);
            }
        }

        private void rememberValidators(Downloader.IndexResponse response, long version) {
            try {
                folder.writeIndexCache(new SyncFolder.IndexCache(source.indexUrl().toString(), version,
                        response.etag(), response.lastModified()));
            } catch (IOException e) {
                // Without it the next sync downloads the (small) index again; nothing else is lost.
            }
        }
    }

    /**
     * A pack whose hash is not the entry's: another version's or another entry's bytes (recognised by their hash),
     * else a body that ended short, else tampered.
     */
    private static Rejection wrongPack(PackEntry entry, byte[] bytes, String actual, FeedIndex index,
            Map<String, String> installedPacks) {
        if (actual.equals(installedPacks.get(entry.name()))) {
            return new Rejection.MixAndMatch(entry.name(), "the file holds the installed, older version of this pack");
        }
        for (PackEntry other : index.packs()) {
            if (other.sha256().equals(actual)) {
                return new Rejection.MixAndMatch(entry.name(), "the file holds pack " + other.name());
            }
        }
        for (Map.Entry<String, String> other : installedPacks.entrySet()) {
            if (other.getValue().equals(actual)) {
                return new Rejection.MixAndMatch(entry.name(), "the file holds the installed pack " + other.getKey()
                        + " of another version");
            }
        }
        if (bytes.length < entry.size()) {
            return new Rejection.Truncated(entry.file(), bytes.length, entry.size());
        }
        return new Rejection.TamperedPack(entry.name(), entry.sha256(), actual);
    }

    private static List<String> differingPacks(FeedIndex index, Map<String, String> installedPacks) {
        Set<String> names = new TreeSet<>(installedPacks.keySet());
        names.addAll(index.packHashes().keySet());
        List<String> differing = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(installedPacks.get(name), index.packHashes().get(name))) {
                differing.add(name);
            }
        }
        return differing;
    }
}
