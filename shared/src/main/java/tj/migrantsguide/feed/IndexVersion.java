package tj.migrantsguide.feed;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * The version an index announces, read without reading the rest of it.
 *
 * <p>{@code Guide.open} compares the built-in snapshot's version with the installed one at every start. Reading the
 * whole index there ({@link FeedCodec#readIndex}) made a JSON tree with Jackson's data binding, some 330 classes a
 * cold JVM loads before the window's first frame can be drawn (docs/performance.md, "Start-up: less work before the
 * first frame"). This streaming read checks the format and the version only; the whole index is read, and checked,
 * whenever the snapshot is to be installed.
 */
public final class IndexVersion {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32).build())
            .build();

    private IndexVersion() {}

    /** The {@code version} of the index in {@code indexBytes} (the file as published: the signed envelope). */
    public static long of(String file, byte[] indexBytes) throws FeedFormatException {
        byte[] signed = IndexEnvelope.parse(file, indexBytes).signedBytes();
        Integer format = null;
        Long version = null;
        try (JsonParser json = JSON.createParser(signed)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new FeedFormatException(file, "not a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                JsonToken value = json.nextToken();
                boolean wanted = name.equals("format") || name.equals("version");
                if (wanted && value != JsonToken.VALUE_NUMBER_INT) {
                    throw new FeedFormatException(file, "field '" + name + "' must be a whole number");
                }
                if (name.equals("format")) {
                    format = json.getIntValue();
                } else if (name.equals("version")) {
                    version = json.getLongValue();
                } else {
                    json.skipChildren();
                }
            }
        } catch (FeedFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new FeedFormatException(file, "not valid JSON: " + e.getMessage(), e);
        }
        if (format == null || version == null) {
            throw new FeedFormatException(file, "missing field '" + (format == null ? "format" : "version") + "'");
        }
        if (format != FeedIndex.FORMAT) {
            throw new UnsupportedFormatException(file, format);
        }
        if (version < 1) {
            throw new FeedFormatException(file, "version must be 1 or more, not " + version);
        }
        return version;
    }
}
