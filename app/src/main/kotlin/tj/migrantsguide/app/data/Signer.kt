package tj.migrantsguide.app.data

import java.nio.file.Path
import tj.migrantsguide.feed.FeedKeys
import tj.migrantsguide.feed.TrustedKeys
import tj.migrantsguide.sync.Sync

/**
 * Who the key that signed the installed content belongs to, as Settings and the share screen say it. "Signed by the
 * Ministry" is said only for a key the app trusts by itself (pinned in the build, or announced by a pinned root key)
 * that is not the development key: the development key's private half is in the repository, and a key an editor
 * trusted for one run (`sync --trust`) is not the Ministry's either.
 */
enum class Signer {
    MINISTRY,
    DEVELOPMENT,
    ADDED_ON_DEVICE;

    companion object {
        fun of(keyId: String, trusted: TrustedKeys): Signer = when {
            keyId == FeedKeys.DEVELOPMENT_KEY_ID -> DEVELOPMENT
            trusted.contains(keyId) -> MINISTRY
            else -> ADDED_ON_DEVICE
        }

        /** [of] against what the device in [dataDirectory] trusts: the build's [pinned] keys and those their roots announced. */
        fun onDevice(keyId: String, dataDirectory: Path, pinned: TrustedKeys): Signer =
            of(keyId, Sync.trustedKeys(dataDirectory, pinned))
    }
}
