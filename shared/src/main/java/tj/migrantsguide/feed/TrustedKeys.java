package tj.migrantsguide.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a device accepts index signatures from: the keys pinned in the app, plus keys it learned from verified
 * indexes ({@code next_keys}), plus, for one run of the command-line tool, keys given with {@code --trust}.
 *
 * <p>One valid signature by a trusted key is enough. Only signatures whose key id is trusted are checked, so an
 * index cannot make a device spend time on signatures by strangers.
 */
public final class TrustedKeys {
    private final Map<String, FeedKey> byId;

    private TrustedKeys(Map<String, FeedKey> byId) {
        this.byId = byId;
    }

    public static TrustedKeys of(Collection<FeedKey> keys) {
        Map<String, FeedKey> byId = new LinkedHashMap<>();
        keys.forEach(k -> byId.put(k.keyId(), k));
        return new TrustedKeys(byId);
    }

    public static TrustedKeys none() {
        return new TrustedKeys(Map.of());
    }

    public TrustedKeys plus(TrustedKeys more) {
        Map<String, FeedKey> byId = new LinkedHashMap<>(this.byId);
        byId.putAll(more.byId);
        return new TrustedKeys(byId);
    }

    public List<FeedKey> keys() {
        return List.copyOf(byId.values());
    }

    public boolean contains(String keyId) {
        return byId.containsKey(keyId);
    }

    public Optional<FeedKey> key(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public boolean isEmpty() {
        return byId.isEmpty();
    }

    /** What checking an index's signatures found. */
    public sealed interface Verification {
        /** A trusted key signed these exact bytes. */
        record Verified(FeedKey key) implements Verification {}

        /** Some signatures came from trusted keys, and none of them matches the bytes: the index was altered. */
        record BadSignature(List<String> keyIds) implements Verification {
            public BadSignature {
                keyIds = List.copyOf(keyIds);
            }
        }

        /** No signature came from a trusted key (or there was no signature at all). */
        record UnknownKey(List<String> keyIds) implements Verification {
            public UnknownKey {
                keyIds = List.copyOf(keyIds);
            }
        }
    }

    public Verification verify(IndexEnvelope envelope) {
        byte[] signed = envelope.signedBytes();
        List<String> failed = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (IndexEnvelope.Signature signature : envelope.signatures()) {
            FeedKey key = byId.get(signature.keyId());
            if (key == null) {
                unknown.add(signature.keyId());
            } else if (FeedKeys.verify(key, signed, signature.bytes())) {
                return new Verification.Verified(key);
            } else {
                failed.add(signature.keyId());
            }
        }
        return failed.isEmpty() ? new Verification.UnknownKey(unknown) : new Verification.BadSignature(failed);
    }

    @Override
    public String toString() {
        return "TrustedKeys" + byId.keySet();
    }
}
