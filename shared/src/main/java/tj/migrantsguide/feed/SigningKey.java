package tj.migrantsguide.feed;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * A private key with its public half: what {@code guide-content.jar build --key} signs with. It lives in a file
 * on the publisher's machine (or, for the development key, in content/keys/development/), never in the app.
 */
public record SigningKey(PrivateKey privateKey, FeedKey publicKey) {
    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(publicKey, "publicKey");
    }

    public String keyId() {
        return publicKey.keyId();
    }

    @Override
    public String toString() {
        // Never print the private key, not even by accident in a log line.
        return "SigningKey[" + publicKey.keyId() + "]";
    }
}
