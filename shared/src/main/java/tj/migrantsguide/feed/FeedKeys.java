package tj.migrantsguide.feed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Ed25519 keys and signatures for feed indexes, with the JDK's own provider (no extra dependency), and the two key
 * file forms described in docs/feed-format.md:
 *
 * <pre>
 * public.key   # comments…            private.key   # comments…
 *              public: BASE64-X509                  private: BASE64-PKCS8
 *              (one line per key)                   public: BASE64-X509
 * </pre>
 *
 * The private file carries its public half because the JDK cannot derive an Ed25519 public key from a private one;
 * reading checks that the two halves belong together.
 */
public final class FeedKeys {
    static final String ALGORITHM = "Ed25519";

    /**
     * The id of the development key in content/keys/development/. It signs the tests, the demo and the snapshot of
     * development builds; the app warns when it trusts this key, because its private half is public.
     */
    public static final String DEVELOPMENT_KEY_ID = "06118ee46c678ce8f073c0422a7ea7b9e0a5e27250775c36b9cf4449da6de1f1";

    /**
     * Signatures cover these bytes followed by the signed index bytes, so that a signature made by a feed key can
     * never be replayed as the signature of something else made with the same key (domain separation).
     */
    static final byte[] SIGNATURE_CONTEXT = "migrants-guide feed index\n".getBytes(StandardCharsets.US_ASCII);

    private FeedKeys() {}

    /** A new key pair; {@code random} is injected so that tests can make the same key every run. */
    public static SigningKey generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, random);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKey(pair.getPrivate(), new FeedKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", e);
        }
    }

    /** The signature over {@code signedBytes} (exactly the bytes of the index's "signed" object). */
    public static byte[] sign(SigningKey key, byte[] signedBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key.privateKey());
            signature.update(SIGNATURE_CONTEXT);
            signature.update(signedBytes);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with " + key, e);
        }
    }

    public static boolean verify(FeedKey key, byte[] signedBytes, byte[] signatureBytes) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key.publicKey());
            signature.update(SIGNATURE_CONTEXT);
            signature.update(signedBytes);
            return signature.verify(signatureBytes);
        } catch (InvalidKeyException | SignatureException e) {
            // A malformed signature is simply one that does not verify.
            return false;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", e);
        }
    }

    // ---- key files ----

    public static String writePublicKeyFile(List<FeedKey> keys) {
        StringBuilder text = new StringBuilder(
                "# Migrant's Guide feed public key (Ed25519, X.509 DER, base64). Pin it in the app or pass it with"
                        + " --trust.\n");
        for (FeedKey key : keys) {
            text.append("# key id: ").append(key.keyId()).append('\n');
            text.append("public: ").append(key.base64()).append('\n');
        }
        return text.toString();
    }

    public static String writePrivateKeyFile(SigningKey key) {
        return "# Migrant's Guide feed SIGNING key (Ed25519; PKCS#8 and X.509 DER, base64). PRIVATE: whoever holds\n"
                + "# this file can publish content every device trusts. Keep it off the repository and off devices.\n"
                + "# key id: " + key.keyId() + '\n'
                + "private: " + Base64.getEncoder().encodeToString(key.privateKey().getEncoded()) + '\n'
                + "public: " + key.publicKey().base64() + '\n';
    }

    /** Every {@code public:} line of a public key file (one or more keys). */
    public static List<FeedKey> readPublicKeyFile(String file, String text) throws KeyFileException {
        List<FeedKey> keys = new ArrayList<>();
        for (Line line : lines(file, text)) {
            if (!line.label().equals("public")) {
                throw new KeyFileException(file, "line " + line.number() + ": expected 'public: BASE64'"
                        + (line.label().equals("private") ? " (this is a private key file)" : ""));
            }
            keys.add(publicKey(file, line));
        }
        if (keys.isEmpty()) {
            throw new KeyFileException(file, "no 'public:' line");
        }
        return keys;
    }

    /**
     * The ids of the keys of a public key file ({@link FeedKey#keyId}: the SHA-256 of each key's X.509 bytes), read
     * without making keys of them: no security provider is loaded, which a window title that only says "development
     * build" should not wait for at start. Whether the keys are valid Ed25519 keys is {@link #readPublicKeyFile}'s
     * check, made when the keys are used.
     */
    public static List<String> keyIdsOfPublicKeyFile(String file, String text) throws KeyFileException {
        List<String> ids = new ArrayList<>();
        for (Line line : lines(file, text)) {
            if (line.label().equals("public")) {
                ids.add(FeedReader.sha256Hex(decode(file, line)));
            }
        }
        return ids;
    }

    public static SigningKey readPrivateKeyFile(String file, String text) throws KeyFileException {
        PrivateKey privateKey = null;
        FeedKey publicKey = null;
        for (Line line : lines(file, text)) {
            switch (line.label()) {
                case "private" -> {
                    try {
                        privateKey = KeyFactory.getInstance(ALGORITHM)
                                .generatePrivate(new PKCS8EncodedKeySpec(decode(file, line)));
                    } catch (InvalidKeySpecException e) {
                        throw new KeyFileException(file, "line " + line.number() + ": not an Ed25519 private key");
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException("every JDK since 15 has Ed25519", e);
                    }
                }
                case "public" -> publicKey = publicKey(file, line);
                default -> throw new KeyFileException(file, "line " + line.number() + ": unknown '" + line.label()
                        + ":'");
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new KeyFileException(file, "a private key file needs both a 'private:' and a 'public:' line"
                    + (privateKey == null ? " (is this a public key file?)" : ""));
        }
        SigningKey key = new SigningKey(privateKey, publicKey);
        byte[] probe = "do these halves belong together?".getBytes(StandardCharsets.US_ASCII);
        if (!verify(publicKey, probe, sign(key, probe))) {
            throw new KeyFileException(file, "the 'public:' line is not the public half of the 'private:' key");
        }
        return key;
    }

    /** A public key from the base64 X.509 DER form used in key files and in an index's {@code next_keys}. */
    public static FeedKey publicKey(String base64) throws InvalidKeySpecException {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeySpecException("not base64");
        }
        try {
            PublicKey key = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der));
            return new FeedKey(key);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK since 15 has Ed25519", e);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeySpecException(e.getMessage());
        }
    }

    private record Line(int number, String label, String value) {}

    private static List<Line> lines(String file, String text) throws KeyFileException {
        List<Line> lines = new ArrayList<>();
        String[] raw = text.split("\r?\n", -1);
        for (int i = 0; i < raw.length; i++) {
            String line = raw[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new KeyFileException(file, "line " + (i + 1) + ": expected 'public: BASE64' or 'private: BASE64'");
            }
            lines.add(new Line(i + 1, line.substring(0, colon).strip(), line.substring(colon + 1).strip()));
        }
        return lines;
    }

    private static FeedKey publicKey(String file, Line line) throws KeyFileException {
        try {
            return publicKey(line.value());
        } catch (InvalidKeySpecException e) {
            throw new KeyFileException(file, "line " + line.number() + ": not an Ed25519 public key");
        }
    }

    private static byte[] decode(String file, Line line) throws KeyFileException {
        try {
            return Base64.getDecoder().decode(line.value());
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file, "line " + line.number() + ": not base64");
        }
    }
}
