package tj.migrantsguide.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The outer shape of {@code index.json}: {@code {"signed":{…},"signatures":[{"keyid":"…","sig":"…"}]}}.
 *
 * <p>Signatures cover the bytes of the {@code signed} object exactly as they appear in the file. Reading finds those
 * bytes with a streaming pass that builds nothing from them, so that nothing inside {@code signed} is interpreted
 * before a signature over it has been checked.
 */
public final class IndexEnvelope {
    /** More signatures than this is not a feed we publish; verifying thousands would only burn the battery. */
    public static final int MAX_SIGNATURES = 16;

    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{64}");
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .build();

    /** One signature: the id of the key that made it and the 64 signature bytes. */
    public record Signature(String keyId, byte[] bytes) {
        public Signature {
            Objects.requireNonNull(keyId, "keyId");
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Signature s && s.keyId.equals(keyId) && Arrays.equals(s.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return keyId.hashCode() * 31 + Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Signature[" + keyId + "]";
        }
    }

    private final byte[] signedBytes;
    private final List<Signature> signatures;

    private IndexEnvelope(byte[] signedBytes, List<Signature> signatures) {
        this.signedBytes = signedBytes;
        this.signatures = List.copyOf(signatures);
    }

    /** The exact bytes of the {@code signed} object, which the signatures cover. */
    public byte[] signedBytes() {
        return signedBytes.clone();
    }

    public List<Signature> signatures() {
        return signatures;
    }

    /** Signs {@code signedBytes} with each key and wraps them in the envelope; {@code keys} may be empty. */
    public static byte[] write(byte[] signedBytes, List<SigningKey> keys) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(signedBytes.length + 64 + 160 * keys.size());
        out.writeBytes("{\"signed\":".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(signedBytes);
        out.writeBytes(",\"signatures\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < keys.size(); i++) {
            SigningKey key = keys.get(i);
            String signature = Base64.getEncoder().encodeToString(FeedKeys.sign(key, signedBytes));
            out.writeBytes(((i > 0 ? "," : "") + "{\"keyid\":\"" + key.keyId() + "\",\"sig\":\"" + signature + "\"}")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public static IndexEnvelope parse(String file, byte[] bytes) throws FeedFormatException {
        byte[] signed = null;
        List<Signature> signatures = null;
        try (JsonParser parser = JSON.createParser(bytes)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedFormatException(file, "not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "signed" -> {
                        if (signed != null) {
                            throw new FeedFormatException(file, "'signed' appears twice");
                        }
                        if (value != JsonToken.START_OBJECT) {
                            throw new FeedFormatException(file, "field 'signed' must be an object");
                        }
                        long start = parser.currentTokenLocation().getByteOffset();
                        parser.skipChildren();
                        long end = parser.currentTokenLocation().getByteOffset() + 1;
                        // Byte offsets exist only for UTF-8: Jackson reads a UTF-16 or UTF-32 file as characters and
                        // has none (-1). The signature covers bytes, and the format is UTF-8 (found by fuzzing:
                        // fuzz/FeedFilesFuzzTestInputs/anIndexIsReadOrRefusedByName/crash-utf16-index).
                        if (start < 0 || end <= start || end > bytes.length) {
                            throw new FeedFormatException(file, "not UTF-8 JSON");
                        }
                        signed = Arrays.copyOfRange(bytes, (int) start, (int) end);
                    }
                    case "signatures" -> {
                        if (signatures != null) {
                            throw new FeedFormatException(file, "'signatures' appears twice");
                        }
                        signatures = signatures(file, parser, value);
                    }
                    default -> throw new FeedFormatException(file, "unknown field '" + name + "' (expected 'signed'"
                            + " and 'signatures'; format 1 indexes had no envelope)");
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new FeedFormatException(file, "not valid JSON: something after the envelope");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new FeedFormatException(file, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FeedFormatException(file, "not readable: " + e.getMessage(), e);
        }
        if (signed == null) {
            throw new FeedFormatException(file, "missing field 'signed'");
        }
        if (signatures == null) {
            throw new FeedFormatException(file, "missing field 'signatures'");
        }
        return new IndexEnvelope(signed, signatures);
    }

    private static List<Signature> signatures(String file, JsonParser parser, JsonToken value)
            throws IOException, FeedFormatException {
        if (value != JsonToken.START_ARRAY) {
            throw new FeedFormatException(file, "field 'signatures' must be a list");
        }
        List<Signature> signatures = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            if (signatures.size() == MAX_SIGNATURES) {
                throw new FeedFormatException(file, "more than " + MAX_SIGNATURES + " signatures");
            }
            String keyId = null;
            byte[] sig = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                if (parser.nextToken() != JsonToken.VALUE_STRING) {
                    throw new FeedFormatException(file, "signature field '" + name + "' must be text");
                }
                switch (name) {
                    case "keyid" -> keyId = parser.getText();
                    case "sig" -> {
                        try {
                            sig = Base64.getDecoder().decode(parser.getText());
                        } catch (IllegalArgumentException e) {
                            throw new FeedFormatException(file, "a signature is not base64");
                        }
                    }
                    default -> throw new FeedFormatException(file, "unknown signature field '" + name + "'");
                }
            }
            if (keyId == null || sig == null) {
                throw new FeedFormatException(file, "a signature needs 'keyid' and 'sig'");
            }
            if (!KEY_ID.matcher(keyId).matches()) {
                throw new FeedFormatException(file, "key id '" + keyId + "' is not 64 lower-case hex digits");
            }
            signatures.add(new Signature(keyId, sig));
        }
        if (parser.currentToken() != JsonToken.END_ARRAY) {
            throw new FeedFormatException(file, "field 'signatures' must be a list of objects");
        }
        return signatures;
    }
}
