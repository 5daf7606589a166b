package tj.migrantsguide.sync;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import tj.migrantsguide.feed.TrustedKeys;
import tj.migrantsguide.store.ContentUpdate;
import tj.migrantsguide.store.Provenance;
import tj.migrantsguide.transport.HttpTransport;

/**
 * Where a feed comes from and whom to believe.
 *
 * @param feedUrl the feed folder ({@code https://host/feed/}); {@code index.json} and {@code packs/} are inside
 * @param pinned the keys built into the app: the root of trust
 * @param thisRunOnly keys trusted for this run and never remembered ({@code sync --trust}); an index they alone
 *     vouch for teaches the device no new keys
 */
public record FeedSource(
        URI feedUrl, HttpTransport transport, TrustedKeys pinned, TrustedKeys thisRunOnly, SyncLimits limits) {
    public FeedSource {
        Objects.requireNonNull(feedUrl, "feedUrl");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(pinned, "pinned");
        Objects.requireNonNull(thisRunOnly, "thisRunOnly");
        Objects.requireNonNull(limits, "limits");
        feedUrl = folder(feedUrl);
    }

    public static FeedSource of(URI feedUrl, HttpTransport transport, TrustedKeys pinned) {
        return new FeedSource(feedUrl, transport, pinned, TrustedKeys.none(), SyncLimits.DEFAULT);
    }

    /**
     * A feed folder ({@code sync DIR}: a USB stick, an exported feed), read with the same checks as a server's.
     * The signatures are checked against {@code pinned} (and the keys the device learned), as for any feed.
     */
    public static FeedSource folder(Path folder, TrustedKeys pinned) {
        URI url = folder.toAbsolutePath().normalize().toUri();
        return new FeedSource(url, new FolderTransport(folder), pinned, TrustedKeys.none(), SyncLimits.DEFAULT);
    }

    public FeedSource trustingForThisRun(TrustedKeys keys) {
        return new FeedSource(feedUrl, transport, pinned, thisRunOnly.plus(keys), limits);
    }

    public FeedSource withLimits(SyncLimits newLimits) {
        return new FeedSource(feedUrl, transport, pinned, thisRunOnly, newLimits);
    }

    /** Whether the feed is a folder ({@code file:} address: a USB stick) rather than a server. */
    public boolean isFolder() {
        return "file".equalsIgnoreCase(feedUrl.getScheme());
    }

    /** What the installed content will say it came from: this address or folder, signed by {@code keyId}. */
    ContentUpdate.Source origin(String keyId) {
        return isFolder()
                ? new ContentUpdate.Source(Provenance.Origin.FOLDER, Optional.of(Path.of(feedUrl).toString()),
                        Optional.of(keyId))
                : new ContentUpdate.Source(Provenance.Origin.NETWORK, Optional.of(feedUrl.toString()),
                        Optional.of(keyId));
    }

    public URI indexUrl() {
        return feedUrl.resolve("index.json");
    }

    public URI fileUrl(String relativePath) {
        return feedUrl.resolve(relativePath);
    }

    /** People type the feed address with or without the final slash, or paste the index's own address. */
    private static URI folder(URI url) {
        String text = url.toString();
        if (text.endsWith("/index.json")) {
            return URI.create(text.substring(0, text.length() - "index.json".length()));
        }
        return text.endsWith("/") ? url : URI.create(text + "/");
    }
}
