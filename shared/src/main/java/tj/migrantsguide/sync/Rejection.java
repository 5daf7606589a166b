package tj.migrantsguide.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Why a sync refused what the server sent, with the data that shows it. Every rejection leaves the installed
 * content exactly as it was. The reasons are listed in the order the checks run (docs/feed-format.md).
 */
public sealed interface Rejection {
    enum Reason {
        HTTP_ERROR,
        MISSING_FILE,
        OUTSIDE_FOLDER,
        UNSUPPORTED_ENCODING,
        WRONG_CONTENT_TYPE,
        TOO_LARGE,
        COMPRESSION_BOMB,
        TRUNCATED,
        TIMEOUT,
        BAD_FORMAT,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        UNSUPPORTED_FORMAT,
        UNAUTHORISED_KEYS,
        ROLLBACK,
        SAME_VERSION_OTHER_CONTENT,
        EXPIRED,
        TAMPERED_PACK,
        MIX_AND_MATCH,
    }

    Reason reason();

    /** The data in words, e.g. "have 12, got 11". */
    String details();

    /** The server answered with a status other than 200 (or 304 to a conditional request). */
    record HttpError(String file, int status) implements Rejection {
        public Reason reason() {
            return Reason.HTTP_ERROR;
        }

        public String details() {
            return file + ": HTTP " + status;
        }
    }

    /** A feed folder (a USB stick, {@code sync DIR}) without a file its index lists, or without an index. */
    record MissingFile(String file) implements Rejection {
        public Reason reason() {
            return Reason.MISSING_FILE;
        }

        public String details() {
            return file + " is not in the folder";
        }
    }

    /** A file of a feed folder that is a link to somewhere outside the folder: never read. */
    record OutsideFolder(String file, String target) implements Rejection {
        public Reason reason() {
            return Reason.OUTSIDE_FOLDER;
        }

        public String details() {
            return file + " leads outside the folder, to " + target;
        }
    }

    /** A Content-Encoding the app did not ask for (it asks for gzip or nothing). */
    record UnsupportedEncoding(String file, String encoding) implements Rejection {
        public Reason reason() {
            return Reason.UNSUPPORTED_ENCODING;
        }

        public String details() {
            return file + ": Content-Encoding " + encoding;
        }
    }

    /** Not application/json: typically a captive portal's login page (text/html) on hotel or station Wi-Fi. */
    record WrongContentType(String file, String contentType) implements Rejection {
        public Reason reason() {
            return Reason.WRONG_CONTENT_TYPE;
        }

        public String details() {
            return file + ": " + contentType;
        }
    }

    /** More bytes than the file may have: the index cap, or the size the signed index gives a pack. */
    record TooLarge(String file, long cap) implements Rejection {
        public Reason reason() {
            return Reason.TOO_LARGE;
        }

        public String details() {
            return file + ": more than " + cap + " bytes";
        }
    }

    /** A compressed body that inflates past the file's cap. */
    record CompressionBomb(String file, long cap) implements Rejection {
        public Reason reason() {
            return Reason.COMPRESSION_BOMB;
        }

        public String details() {
            return file + ": inflates past " + cap + " bytes";
        }
    }

    /** The body ended early: the connection broke, or fewer bytes came than announced. */
    record Truncated(String file, long received, long expected) implements Rejection {
        public Reason reason() {
            return Reason.TRUNCATED;
        }

        public String details() {
            return file + ": got " + received + " bytes" + (expected >= 0 ? " of " + expected : "");
        }
    }

    /** The server hung: no response, no byte for too long, or bytes far too slowly to ever finish. */
    record Timeout(String file, Phase phase, Duration limit) implements Rejection {
        public enum Phase {
            /** No response headers within the limit. */
            NO_RESPONSE,
            /** No byte of the body within the limit. */
            STALLED,
            /** Bytes keep coming, too slowly (below the minimum rate after the grace period). */
            TOO_SLOW,
            /**
             * Bytes keep coming, but the file is not done within its deadline (2 minutes, or more for a big
             * pack: {@link SyncLimits#deadlineFor}): the connection is too slow for now; try later.
             */
            DEADLINE,
        }

        public Reason reason() {
            return Reason.TIMEOUT;
        }

        public String details() {
            if (phase == Phase.DEADLINE) {
                return file + ": not done within " + (limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s"
                        : limit.toMillis() + " ms") + ": the connection is too slow, try later";
            }
            return file + ": " + phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " ("
                    + limit.toMillis() + " ms)";
        }
    }

    /** Not a feed file this app can read. */
    record BadFormat(String file, String problem) implements Rejection {
        public Reason reason() {
            return Reason.BAD_FORMAT;
        }

        public String details() {
            return file + ": " + problem;
        }
    }

    /** No signature by a key this device trusts. */
    record UnknownKey(List<String> keyIds) implements Rejection {
        public UnknownKey {
            keyIds = List.copyOf(keyIds);
        }

        public Reason reason() {
            return Reason.UNKNOWN_KEY;
        }

        public String details() {
            return keyIds.isEmpty() ? "no signature" : "signed by " + String.join(", ", keyIds);
        }
    }

    /** Signed by a trusted key, but the bytes were changed after signing. */
    record BadSignature(List<String> keyIds) implements Rejection {
        public BadSignature {
            keyIds = List.copyOf(keyIds);
        }

        public Reason reason() {
            return Reason.BAD_SIGNATURE;
        }

        public String details() {
            return "signature by " + String.join(", ", keyIds) + " does not match the index";
        }
    }

    /** A newer app published this feed; only an app update can read it. */
    record UnsupportedFormat(int have, int got) implements Rejection {
        public Reason reason() {
            return Reason.UNSUPPORTED_FORMAT;
        }

        public String details() {
            return "this app reads format " + have + ", the feed is format " + got;
        }
    }

    /**
     * The index announces new signing keys ({@code next_keys}) without a signature by a root key the app pins: a
     * signing key alone (perhaps leaked) may not hand the device to other keys. Nothing is installed or learned.
     *
     * @param announced the ids of the keys {@code next_keys} names
     * @param signedBy the ids of the trusted signing keys that signed the index
     * @param roots the ids of the root keys the app pins (none in a development build)
     */
    record UnauthorisedKeys(List<String> announced, List<String> signedBy, List<String> roots) implements Rejection {
        public UnauthorisedKeys {
            announced = List.copyOf(announced);
            signedBy = List.copyOf(signedBy);
            roots = List.copyOf(roots);
        }

        public Reason reason() {
            return Reason.UNAUTHORISED_KEYS;
        }

        public String details() {
            return "next_keys names " + String.join(", ", announced) + ", signed by " + String.join(", ", signedBy)
                    + (roots.isEmpty() ? "; this app pins no root key, so it accepts no new keys"
                            : "; no signature by the root key " + String.join(", ", roots));
        }
    }

    /** An older version than the one installed: someone replays an old feed. */
    record Rollback(long have, long got) implements Rejection {
        public Reason reason() {
            return Reason.ROLLBACK;
        }

        public String details() {
            return "have " + have + ", got " + got;
        }
    }

    /** The installed version number, with other packs than the installed ones. */
    record SameVersionOtherContent(long version, List<String> packs) implements Rejection {
        public SameVersionOtherContent {
            packs = List.copyOf(packs);
        }

        public Reason reason() {
            return Reason.SAME_VERSION_OTHER_CONTENT;
        }

        public String details() {
            return "version " + version + ", other " + String.join(", ", packs);
        }
    }

    /**
     * The newest index the server has is past its expiry: the publisher stopped publishing, or someone freezes the
     * device on old content. Nothing is installed and the user is told the content may be out of date.
     */
    record Expired(long version, Instant expires, Instant now) implements Rejection {
        public Reason reason() {
            return Reason.EXPIRED;
        }

        public String details() {
            return "version " + version + " expired " + expires + "; content may be out of date";
        }
    }

    /** A pack whose bytes are not the ones the signed index names. */
    record TamperedPack(String pack, String expectedSha256, String actualSha256) implements Rejection {
        public Reason reason() {
            return Reason.TAMPERED_PACK;
        }

        public String details() {
            return pack + ": SHA-256 " + actualSha256 + ", index says " + expectedSha256;
        }
    }

    /** A pack that belongs elsewhere: another version's bytes, or another country or language than its entry. */
    record MixAndMatch(String pack, String problem) implements Rejection {
        public Reason reason() {
            return Reason.MIX_AND_MATCH;
        }

        public String details() {
            return pack + ": " + problem;
        }
    }
}
