package tj.migrantsguide.feed;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a whole feed from a set of files, checking every pack's size and SHA-256 against the index before
 * parsing it. Used for the snapshot built into the app; network sync adds signature and version checks.
 */
public final class FeedReader {
    /** Generous caps: today's index is a few kB and the largest pack tens of kB. */
    public static final long MAX_INDEX_BYTES = 1L << 20;
    public static final long MAX_PACK_BYTES = 16L << 20;

    private FeedReader() {}

    public static Feed read(FeedFiles files) throws IOException, FeedFormatException {
        FeedIndex index = FeedCodec.readIndex("index.json", readCapped(files, "index.json", MAX_INDEX_BYTES));
        CommonPack common = null;
        List<CountryPack> countryPacks = new ArrayList<>();
        for (PackEntry entry : index.packs()) {
            byte[] bytes = readPack(files, entry);
            if (entry.name().equals(PackEntry.COMMON)) {
                common = FeedCodec.readCommon(entry.file(), bytes);
            } else {
                CountryPack pack = FeedCodec.readCountryPack(entry.file(), bytes);
                if (!pack.packName().equals(entry.name())) {
                    throw new FeedFormatException(entry.file(),
                            "index calls it '" + entry.name() + "' but it holds '" + pack.packName() + "'");
                }
                countryPacks.add(pack);
            }
        }
        if (common == null) {
            throw new FeedFormatException("index.json", "no 'common' pack listed");
        }
        return new Feed(index, common, countryPacks);
    }

    private static byte[] readPack(FeedFiles files, PackEntry entry) throws IOException, FeedFormatException {
        if (entry.size() > MAX_PACK_BYTES) {
            throw new FeedFormatException(entry.file(), "pack of " + entry.size() + " bytes is over the cap");
        }
        byte[] bytes = readCapped(files, entry.file(), entry.size());
        if (bytes.length != entry.size()) {
            throw new FeedFormatException(entry.file(),
                    "size " + bytes.length + " bytes, index says " + entry.size());
        }
        String actual = sha256Hex(bytes);
        if (!actual.equals(entry.sha256())) {
            throw new FeedFormatException(entry.file(), "SHA-256 " + actual + ", index says " + entry.sha256());
        }
        return bytes;
    }

    /** Reads at most {@code cap} bytes; one byte more means the file is over the cap. */
    private static byte[] readCapped(FeedFiles files, String path, long cap) throws IOException, FeedFormatException {
        try (InputStream in = files.open(path)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (bytes.length > cap) {
                throw new FeedFormatException(path, "larger than " + cap + " bytes");
            }
            return bytes;
        }
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
