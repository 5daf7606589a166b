package tj.migrantsguide.feed;

import java.util.Objects;

/**
 * One pack listed in a feed index.
 *
 * @param name "common" or "{COUNTRY}-{lang}", e.g. "RU-tg"
 * @param file path of the pack relative to the feed folder; content-addressed ("packs/{sha256}.json")
 * @param size exact size in bytes
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
public record PackEntry(String name, String file, long size, String sha256) {
    public static final String COMMON = "common";

    public PackEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** Where a pack with this hash lives in a feed folder: packs are content-addressed. */
    public static String fileFor(String sha256) {
        return "packs/" + sha256 + ".json";
    }

    public static String countryPackName(String countryCode, String languageCode) {
        return countryCode + "-" + languageCode;
    }
}
