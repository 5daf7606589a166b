package tj.migrantsguide.app.data

import java.io.IOException
import java.net.InetAddress
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import tj.migrantsguide.Guide
import tj.migrantsguide.app.system.LocalNetwork
import tj.migrantsguide.share.ShareServer
import tj.migrantsguide.sync.KeptFeed

/** Whether the guide is being passed on to other devices on the local network, and how it goes. */
sealed interface ShareState {
    data object Off : ShareState

    data object Starting : ShareState

    /**
     * Serving [version] at [url]; [key] is the first 8 digits of the key that signed it (the other device's
     * Settings show the same).
     */
    data class On(val url: String, val version: Long, val key: String, val signer: Signer?,
        val files: Long = 0, val bytes: Long = 0) : ShareState

    /** Sharing could not start, and why. */
    data class Problem(val kind: ShareProblem, val details: String = "") : ShareState
}

enum class ShareProblem {
    /** No interface with a local network address: no Wi-Fi, no cable, no hotspot. */
    NO_NETWORK,

    /** The signed files of the installed content are not kept whole on this device (KeptFeed's problems). */
    NOTHING_KEPT,

    /** The server did not start (the port is taken, the address went away). */
    FAILED,
}

/** The share screen's seam: start and stop passing the kept signed feed on (issue 17). Blocking calls. */
interface FeedSharing {
    val state: StateFlow<ShareState>

    /** Starts serving (no-op while on); the result is in [state]. */
    fun start()

    fun stop()

    /** Reads how much was passed on into [state] (the screen calls it every second while sharing). */
    fun refresh() {}
}

/** Where there is no guide to share (screenshots, tests of other screens). */
class NoSharing(initial: ShareState = ShareState.Off) : FeedSharing {
    override val state: StateFlow<ShareState> = MutableStateFlow(initial).asStateFlow()
    override fun start() {}
    override fun stop() {}
}

/**
 * [FeedSharing] over shared's [ShareServer]: the device's kept signed files ([KeptFeed]) on [host] (default: the
 * device's local network address) and [port] (another free one when it is taken).
 */
class GuideFeedSharing(
    private val guide: Guide,
    private val port: Int = DEFAULT_PORT,
    private val host: () -> InetAddress? = LocalNetwork::shareAddress,
    /** The keys the build trusts by itself, to say whose key signed what is shared ([Signer]); null: not said. */
    private val pinnedKeys: (() -> tj.migrantsguide.feed.TrustedKeys)? = null,
) : FeedSharing, AutoCloseable {
    private val mutable = MutableStateFlow<ShareState>(ShareState.Off)
    override val state: StateFlow<ShareState> = mutable.asStateFlow()
    private var server: ShareServer? = null

    @Synchronized
    override fun start() {
        if (server != null) return
        mutable.value = ShareState.Starting
        val installed = guide.store().installedFeed().orElse(null)
        val check = installed?.let { KeptFeed.`in`(guide.dataDirectory()).check(it.version()) }
        val ready = check as? KeptFeed.Ready ?: run {
            mutable.value = ShareState.Problem(ShareProblem.NOTHING_KEPT, (check as? KeptFeed.NotReady)?.describe() ?: "no content")
            return
        }
        val address = host() ?: run {
            mutable.value = ShareState.Problem(ShareProblem.NO_NETWORK)
            return
        }
        val started = try {
            startOn(ready, address, port)
        } catch (e: IOException) {
            try {
                startOn(ready, address, 0)
            } catch (again: IOException) {
                mutable.value = ShareState.Problem(ShareProblem.FAILED, again.message ?: again.toString())
                return
            }
        }
        server = started
        val provenance = guide.store().provenance()
        val key = provenance.flatMap { it.shortKeyId() }.orElse("?")
        val signer = provenance.flatMap { it.signedBy() }
            .map { id -> pinnedKeys?.let { Signer.onDevice(id, guide.dataDirectory(), it()) } }.orElse(null)
        mutable.value = ShareState.On(started.url().toString(), ready.index().version(), key, signer)
    }

    private fun startOn(ready: KeptFeed.Ready, address: InetAddress, port: Int): ShareServer =
        ShareServer.start(ready, address, port, ShareServer.Limits.DEFAULT)

    @Synchronized
    override fun refresh() {
        val running = server ?: return
        val on = mutable.value as? ShareState.On ?: return
        mutable.value = on.copy(files = running.filesServed(), bytes = running.bytesServed())
    }

    @Synchronized
    override fun stop() {
        server?.close()
        server = null
        mutable.value = ShareState.Off
    }

    override fun close() = stop()

    companion object {
        /** As the command line's `share`: the reference server's port, easy to say aloud. */
        const val DEFAULT_PORT = 8080
    }
}
