package tj.migrantsguide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.KeyFileException;
import tj.migrantsguide.feed.SigningKey;
import tj.migrantsguide.feed.TrustedKeys;

/** Keys for tests: the project's development key, and other keys made the same way every run from a name. */
public final class TestKeys {
    /** content/keys/development, seen from the shared module (surefire runs in the module's folder). */
    public static final Path DEVELOPMENT_FOLDER = Path.of("..", "content", "keys", "development");

    private static SigningKey development;

    private TestKeys() {}

    public static synchronized SigningKey development() {
        if (development == null) {
            Path file = DEVELOPMENT_FOLDER.resolve("private.key");
            try {
                development = FeedKeys.readPrivateKeyFile(file.toString(), Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("the development key should be in " + file.toAbsolutePath(), e);
            } catch (KeyFileException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return development;
    }

    /** What a development build of the app pins. */
    public static TrustedKeys pinnedDevelopment() {
        return TrustedKeys.of(List.of(development().publicKey()));
    }

    /** The root key of the tests (a development build pins none): the only key that may authorise new keys. */
    public static SigningKey root() {
        return derived("root");
    }

    /** A build that pins the development key to sign and {@link #root()} as its root (like a release's two files). */
    public static TrustedKeys pinnedDevelopmentWithRoot() {
        return pinnedDevelopment().withRoots(List.of(root().publicKey()));
    }

    /**
     * A key that is the same every run for the same name ("stranger", "key-b"): Ed25519 key generation takes its
     * 32 private bytes from the random source, so a source that always returns the name's SHA-256 makes one key.
     */
    public static SigningKey derived(String name) {
        byte[] seed = Seeds.sha256(name.getBytes(StandardCharsets.UTF_8));
        return FeedKeys.generate(new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] bytes) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = seed[i % seed.length];
                }
            }
        });
    }

    private static final class Seeds {
        static byte[] sha256(byte[] bytes) {
            try {
                return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
