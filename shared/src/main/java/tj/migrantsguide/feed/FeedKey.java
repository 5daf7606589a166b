package tj.migrantsguide.feed;

import java.security.PublicKey;
import java.security.interfaces.EdECKey;
import java.util.Base64;
import java.util.Objects;

/**
 * A public key that may sign feed indexes (Ed25519). Its id is the lower-case hex SHA-256 of its X.509
 * (SubjectPublicKeyInfo) DER bytes: the same bytes whoever computes it, so ids in signatures and on screens agree.
 */
public record FeedKey(PublicKey publicKey) {
    public FeedKey {
        Objects.requireNonNull(publicKey, "publicKey");
        if (!(publicKey instanceof EdECKey edKey) || !FeedKeys.ALGORITHM.equals(edKey.getParams().getName())) {
            throw new IllegalArgumentException("feed keys are Ed25519, not " + publicKey.getAlgorithm());
        }
    }

    public String keyId() {
        return FeedReader.sha256Hex(publicKey.getEncoded());
    }

    /** The X.509 DER bytes in standard base64, as written in key files and in {@code next_keys}. */
    public String base64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    /** The first 16 hex digits of the id: enough to tell keys apart on a screen or in a log. */
    public String shortId() {
        return keyId().substring(0, 16);
    }
}
