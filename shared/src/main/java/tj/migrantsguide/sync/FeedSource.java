package tj.migrantsguide.sync;

import java.net.URI;
import java.util.Objects;
import tj.migrantsguide.feed.TrustedKeys;
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

    public FeedSource trustingForThisRun(TrustedKeys keys) {
        return new FeedSource(feedUrl, transport, pinned, thisRunOnly.plus(keys), limits);
    }

    public FeedSource withLimits(SyncLimits newLimits) {
        return new FeedSource(feedUrl, transport, pinned, thisRunOnly, newLimits);
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
