package tj.migrantsguide.feed;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a device accepts index signatures from: the keys pinned in the app, plus keys it learned from verified
 * indexes ({@code next_keys}), plus, for one run of the command-line tool, keys given with {@code --trust}; and,
 * apart from them, the <em>root</em> keys pinned in the app ({@code trusted-keys/root.key}).
 *
 * <p>One valid signature by a trusted signing key is enough for an index. Root keys play TUF's root role: they never
 * vouch for content, and an index that announces new signing keys ({@code next_keys}) is believed only when a root
 * key signed it too (docs/feed-format.md, "Keys: who is trusted"). Only signatures whose key id is trusted are
 * checked, so an index cannot make a device spend time on signatures by strangers.
 */
public final class TrustedKeys {
    private final Map<String, FeedKey> byId;
    private final Map<String, FeedKey> rootsById;

    private TrustedKeys(Map<String, FeedKey> byId, Map<String, FeedKey> rootsById) {
        this.byId = byId;
        this.rootsById = rootsById;
    }

    /** Signing keys, no root. */
    public static TrustedKeys of(Collection<FeedKey> keys) {
        return new TrustedKeys(byId(keys), Map.of());
    }

    public static TrustedKeys none() {
        return new TrustedKeys(Map.of(), Map.of());
    }

    /** These keys, with {@code roots} as the root keys (the only ones that may authorise new signing keys). */
    public TrustedKeys withRoots(Collection<FeedKey> roots) {
        return new TrustedKeys(byId, byId(roots));
    }

    public TrustedKeys plus(TrustedKeys more) {
        Map<String, FeedKey> byId = new LinkedHashMap<>(this.byId);
        byId.putAll(more.byId);
        Map<String, FeedKey> roots = new LinkedHashMap<>(this.rootsById);
        roots.putAll(more.rootsById);
        return new TrustedKeys(byId, roots);
    }

    /** The root keys: none unless the app pins a {@code root.key}. */
    public List<FeedKey> roots() {
        return List.copyOf(rootsById.values());
    }

    /**
     * The root key whose signature over the index's signed bytes verifies, if any: what an index needs before the
     * keys it announces are believed.
     */
    public Optional<FeedKey> rootThatSigned(IndexEnvelope envelope) {
        byte[] signed = envelope.signedBytes();
        for (IndexEnvelope.Signature signature : envelope.signatures()) {
            FeedKey root = rootsById.get(signature.keyId());
            if (root != null && FeedKeys.verify(root, signed, signature.bytes())) {
                return Optional.of(root);
            }
        }
        return Optional.empty();
    }

    private static Map<String, FeedKey> byId(Collection<FeedKey> keys) {
        Map<String, FeedKey> byId = new LinkedHashMap<>();
        keys.forEach(k -> byId.put(k.keyId(), k));
        return byId;
    }

    /** The signing keys. */
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
        return "TrustedKeys" + byId.keySet() + (rootsById.isEmpty() ? "" : " roots " + rootsById.keySet());
    }
}
