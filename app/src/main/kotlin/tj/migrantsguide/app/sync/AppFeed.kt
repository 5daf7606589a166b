package tj.migrantsguide.app.sync

import java.net.URI
import java.util.Properties
import tj.migrantsguide.feed.FeedKeys
import tj.migrantsguide.feed.TrustedKeys

/**
 * What the build put in the app about the feed (app/pom.xml): the public keys it pins (`trusted-keys/public.key`,
 * the development key unless a release build passes its own) and the feed's address (`feed.properties`).
 */
object AppFeed {
    /** Overrides the built-in feed address, e.g. to try a local feed: `MIGRANTS_GUIDE_FEED_URL=http://…/feed/`. */
    const val URL_ENVIRONMENT_VARIABLE = "MIGRANTS_GUIDE_FEED_URL"

    private const val PINNED_KEYS = "trusted-keys/public.key"
    private const val ROOT_KEYS = "trusted-keys/root.key"
    private const val SETTINGS = "feed.properties"

    /**
     * The root of trust: the signing keys, and the root keys that alone may announce new ones (`root.key`: a release
     * must have it; a development build has none and accepts no announced keys). A broken or missing signing key
     * file is a broken build, so it fails loudly.
     */
    val pinnedKeys: TrustedKeys by lazy {
        val text = resource(PINNED_KEYS) ?: error("the app was built without $PINNED_KEYS (see app/pom.xml)")
        val roots = resource(ROOT_KEYS)?.let { FeedKeys.readPublicKeyFile(ROOT_KEYS, it) }.orEmpty()
        TrustedKeys.of(FeedKeys.readPublicKeyFile(PINNED_KEYS, text)).withRoots(roots)
    }

    /** The feed the app syncs from, or null when this build has none and the environment names none. */
    fun feedUrl(environment: Map<String, String> = System.getenv()): URI? {
        val fromEnvironment = environment[URL_ENVIRONMENT_VARIABLE]?.takeIf { it.isNotBlank() }
        val fromBuild = resource(SETTINGS)?.let { text ->
            Properties().apply { load(text.reader()) }.getProperty("url")?.takeIf { it.isNotBlank() && !it.startsWith("\${") }
        }
        return (fromEnvironment ?: fromBuild)?.let { URI.create(it.trim()) }
    }

    /** Overrides the built-in questions server, e.g. `MIGRANTS_GUIDE_QUESTIONS_URL=http://…/`. */
    const val QUESTIONS_URL_ENVIRONMENT_VARIABLE = "MIGRANTS_GUIDE_QUESTIONS_URL"

    /** The server "Always in Touch" questions go to (its root: the API is under `v1/questions`), or null. */
    fun questionsUrl(environment: Map<String, String> = System.getenv()): URI? {
        val fromEnvironment = environment[QUESTIONS_URL_ENVIRONMENT_VARIABLE]?.takeIf { it.isNotBlank() }
        val fromBuild = resource(SETTINGS)?.let { text ->
            Properties().apply { load(text.reader()) }.getProperty("questions-url")
                ?.takeIf { it.isNotBlank() && !it.startsWith("\${") }
        }
        return (fromEnvironment ?: fromBuild)?.let { URI.create(it.trim()) }
    }

    fun trustsDevelopmentKey(keys: TrustedKeys): Boolean = keys.contains(FeedKeys.DEVELOPMENT_KEY_ID)

    /**
     * A development build: it pins the development key, whose private half is in the repository, so anyone can sign
     * content it accepts. About, `info` and the window title say so (a release build, `-Prelease`, cannot pin it).
     */
    val developmentBuild: Boolean by lazy {
        // The window's title asks at start: the key ids are read without making keys (no security provider loaded).
        val text = resource(PINNED_KEYS) ?: error("the app was built without $PINNED_KEYS (see app/pom.xml)")
        FeedKeys.DEVELOPMENT_KEY_ID in FeedKeys.keyIdsOfPublicKeyFile(PINNED_KEYS, text)
    }

    private fun resource(name: String): String? =
        AppFeed::class.java.classLoader.getResourceAsStream(name)?.use { it.readAllBytes().toString(Charsets.UTF_8) }
}
