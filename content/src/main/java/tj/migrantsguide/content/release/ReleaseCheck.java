package tj.migrantsguide.content.release;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tj.migrantsguide.feed.FeedKey;
import tj.migrantsguide.feed.FeedKeys;
import tj.migrantsguide.feed.KeyFileException;
import tj.migrantsguide.feed.PublicAddress;
import tj.migrantsguide.feed.SigningKey;

/**
 * What a release build must not ship: the check the {@code release} Maven profile runs before anything is built
 * (content/pom.xml, {@code guide-content.jar release-check}), and that fails the build with every problem named.
 *
 * <ul>
 *   <li>Keys: the app must pin production keys only. The development key's private half is in the repository,
 *       so a device that trusts it trusts anyone. The trusted-keys folder must hold {@code public.key} (the
 *       signing keys) and {@code root.key} (the root keys, the only ones that may announce new signing keys),
 *       neither holding the development key, and no root key may also be a signing key (the root stays offline).
 *       The snapshot built into the app must be signed by one of the pinned signing keys, not by the development
 *       key.</li>
 *   <li>Addresses: the feed, the questions server and the "get the app" link printed on slides, handouts and QR
 *       codes must be real {@code https} addresses, not the development placeholders on 127.0.0.1.</li>
 * </ul>
 *
 * Absence counts as a problem: a release needs each of these supplied.
 */
public final class ReleaseCheck {
    /** The signing keys pinned in the app: one or more {@code public:} lines. */
    public static final String SIGNING_KEYS_FILE = "public.key";
    /** The root keys pinned in the app: only an index they also signed may change the device's signing keys. */
    public static final String ROOT_KEYS_FILE = "root.key";

    private ReleaseCheck() {}

    public enum Kind {
        /** A setting the release needs was not given (an empty value, or a Maven property left unresolved). */
        NOT_SET,
        /** The development key would be trusted by the app (as a signing key or as a root). */
        DEVELOPMENT_KEY_TRUSTED,
        /** The app's snapshot would be signed with the development key. */
        DEVELOPMENT_KEY_SIGNS_SNAPSHOT,
        /** The trusted-keys folder has no {@code public.key}: no production signing key was supplied. */
        NO_SIGNING_KEY,
        /** The trusted-keys folder has no {@code root.key}: nothing could authorise a key rotation safely. */
        NO_ROOT_KEY,
        /** A root key is also a signing key: it would be used online, and its theft would be for ever. */
        ROOT_KEY_ALSO_SIGNS,
        /** The snapshot's signing key is not among the pinned signing keys: the app would refuse its own content. */
        SNAPSHOT_KEY_NOT_PINNED,
        /** A key file could not be read. */
        UNREADABLE_KEY_FILE,
        /** An address is not a real https address (http, loopback, a private network, an example domain…). */
        PLACEHOLDER_ADDRESS,
    }

    /** One reason the release is refused, with what it is about and the details. */
    public record Problem(Kind kind, String subject, String detail) {
        public String describe() {
            return kind + ": " + subject + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /**
     * What a release build would put in the app.
     *
     * @param trustedKeysFolder the folder the app pins keys from ({@code feed.trusted.keys.dir})
     * @param snapshotSigningKey the private key file that signs the built-in snapshot ({@code feed.signing.key})
     * @param addresses build property name → value, e.g. {@code feed.url → https://guide.example.tj/feed/}
     */
    public record Release(String trustedKeysFolder, String snapshotSigningKey, Map<String, String> addresses) {
        public Release {
            addresses = new LinkedHashMap<>(addresses);
        }
    }

    /** Every problem of {@code release}; empty means it may be built. */
    public static List<Problem> check(Release release) {
        List<Problem> problems = new ArrayList<>();
        List<FeedKey> signing = List.of();
        if (notSet(release.trustedKeysFolder())) {
            problems.add(new Problem(Kind.NOT_SET, "feed.trusted.keys.dir",
                    "a folder holding the production " + SIGNING_KEYS_FILE + " and " + ROOT_KEYS_FILE));
        } else {
            Path folder = Path.of(release.trustedKeysFolder());
            Optional<List<FeedKey>> signingKeys = publicKeys(folder.resolve(SIGNING_KEYS_FILE), Kind.NO_SIGNING_KEY,
                    problems);
            Optional<List<FeedKey>> rootKeys = publicKeys(folder.resolve(ROOT_KEYS_FILE), Kind.NO_ROOT_KEY, problems);
            signing = signingKeys.orElse(List.of());
            signingKeys.ifPresent(keys -> refuseDevelopmentKey(keys, SIGNING_KEYS_FILE, problems));
            rootKeys.ifPresent(keys -> refuseDevelopmentKey(keys, ROOT_KEYS_FILE, problems));
            if (signingKeys.isPresent() && rootKeys.isPresent()) {
                Set<String> signingIds = Set.copyOf(signingKeys.get().stream().map(FeedKey::keyId).toList());
                for (FeedKey root : rootKeys.get()) {
                    if (signingIds.contains(root.keyId())) {
                        problems.add(new Problem(Kind.ROOT_KEY_ALSO_SIGNS, root.shortId(),
                                "it is in both " + SIGNING_KEYS_FILE + " and " + ROOT_KEYS_FILE
                                        + "; keep the root key offline and sign content with another key"));
                    }
                }
            }
        }
        if (notSet(release.snapshotSigningKey())) {
            problems.add(new Problem(Kind.NOT_SET, "feed.signing.key", "the private key that signs the snapshot"));
        } else {
            Path file = Path.of(release.snapshotSigningKey());
            try {
                SigningKey key = FeedKeys.readPrivateKeyFile(file.toString(), Files.readString(file));
                if (key.keyId().equals(FeedKeys.DEVELOPMENT_KEY_ID)) {
                    problems.add(new Problem(Kind.DEVELOPMENT_KEY_SIGNS_SNAPSHOT, file.toString(),
                            "its private half is in the repository"));
                } else if (!signing.isEmpty() && signing.stream().noneMatch(k -> k.keyId().equals(key.keyId()))) {
                    problems.add(new Problem(Kind.SNAPSHOT_KEY_NOT_PINNED, key.publicKey().shortId(),
                            "not in " + SIGNING_KEYS_FILE + ": the app would refuse its own built-in content"));
                }
            } catch (NoSuchFileException e) {
                problems.add(new Problem(Kind.UNREADABLE_KEY_FILE, file.toString(), "no such file"));
            } catch (IOException e) {
                problems.add(new Problem(Kind.UNREADABLE_KEY_FILE, file.toString(), String.valueOf(e.getMessage())));
            } catch (KeyFileException e) {
                problems.add(new Problem(Kind.UNREADABLE_KEY_FILE, file.toString(), e.getMessage()));
            }
        }
        release.addresses().forEach((name, value) -> address(name, value).ifPresent(problems::add));
        return problems;
    }

    /** Why {@code value} is not an address people can open from a phone, if it is not ({@link PublicAddress}). */
    static Optional<Problem> address(String name, String value) {
        if (notSet(value)) {
            return Optional.of(new Problem(Kind.NOT_SET, name, "a real https address"));
        }
        return PublicAddress.whyNot(value).flatMap(why -> placeholder(name, value, why));
    }

    private static Optional<Problem> placeholder(String name, String value, String why) {
        return Optional.of(new Problem(Kind.PLACEHOLDER_ADDRESS, name, value + ": " + why));
    }

    private static Optional<List<FeedKey>> publicKeys(Path file, Kind whenMissing, List<Problem> problems) {
        try {
            return Optional.of(FeedKeys.readPublicKeyFile(file.toString(), Files.readString(file)));
        } catch (NoSuchFileException e) {
            problems.add(new Problem(whenMissing, file.toString(), "a release needs the production key supplied"));
        } catch (IOException e) {
            problems.add(new Problem(Kind.UNREADABLE_KEY_FILE, file.toString(), String.valueOf(e.getMessage())));
        } catch (KeyFileException e) {
            problems.add(new Problem(Kind.UNREADABLE_KEY_FILE, file.toString(), e.getMessage()));
        }
        return Optional.empty();
    }

    private static void refuseDevelopmentKey(List<FeedKey> keys, String file, List<Problem> problems) {
        for (FeedKey key : keys) {
            if (key.keyId().equals(FeedKeys.DEVELOPMENT_KEY_ID)) {
                problems.add(new Problem(Kind.DEVELOPMENT_KEY_TRUSTED, key.shortId(),
                        "in " + file + "; its private half is in the repository (content/keys/development)"));
            }
        }
    }

    /** Empty, or a Maven property that nobody set (Maven passes {@code ${name}} through as it is). */
    private static boolean notSet(String value) {
        return value == null || value.isBlank() || value.contains("${");
    }
}
