package tj.migrantsguide.store;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the installed content came from: its version, the key that signed it, and how it reached the device (the
 * app's own copy, a feed address, a folder), for Settings: "version 14, signed by the Ministry (key 06118ee4…),
 * received from 192.168.1.20 on 2 December".
 *
 * @param signedBy the id of the key whose signature the device checked; empty when not known (content installed
 *     by an app older than this record)
 * @param from the feed address or folder; empty for the app's own copy or when not known
 */
public record Provenance(long version, Instant installedAt, Origin origin, Optional<String> signedBy,
        Optional<String> from) {
    public enum Origin {
        /** The copy of the content built into the app. */
        APP("app"),
        /** A feed address: the Ministry's, or another device sharing on the local network. */
        NETWORK("network"),
        /** A folder (a USB stick). */
        FOLDER("folder"),
        /** Installed before the device recorded where content came from. */
        UNKNOWN("unknown");

        private final String code;

        Origin(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Origin fromCode(String code) {
            for (Origin origin : values()) {
                if (origin.code.equals(code)) {
                    return origin;
                }
            }
            return UNKNOWN;
        }
    }

    public Provenance {
        Objects.requireNonNull(installedAt, "installedAt");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(signedBy, "signedBy");
        Objects.requireNonNull(from, "from");
    }

    /** The host a network feed came from ("192.168.1.20"), or the folder's path. */
    public Optional<String> place() {
        if (from.isEmpty()) {
            return Optional.empty();
        }
        if (origin == Origin.NETWORK) {
            try {
                String host = URI.create(from.get()).getHost();
                return Optional.of(host == null ? from.get() : host);
            } catch (IllegalArgumentException e) {
                return from;
            }
        }
        return from;
    }

    /** The first 8 digits of the signing key's id, as screens show it ("06118ee4"). */
    public Optional<String> shortKeyId() {
        return signedBy.map(id -> id.substring(0, Math.min(8, id.length())));
    }

    /** In English, for the command line. */
    public String describe() {
        StringBuilder text = new StringBuilder("version ").append(version);
        shortKeyId().ifPresent(k -> text.append(", signed by key ").append(k).append('…'));
        switch (origin) {
            case APP -> text.append(", from the app's own copy");
            case NETWORK -> text.append(", received from ").append(place().orElse("the network"));
            case FOLDER -> text.append(", from the folder ").append(place().orElse(""));
            case UNKNOWN -> { }
        }
        return text.append(" on ").append(installedAt).toString();
    }
}
