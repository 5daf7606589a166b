package tj.migrantsguide.app.feature.ask

import java.nio.file.Path
import java.time.Clock
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.cancelAndJoin
import kotlinx.coroutines.flow.distinctUntilChanged
import kotlinx.coroutines.flow.drop
import kotlinx.coroutines.flow.filterNotNull
import kotlinx.coroutines.flow.map
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import tj.migrantsguide.app.net.KtorTransport
import tj.migrantsguide.app.data.SyncStatus
import tj.migrantsguide.transport.HttpTransport

/**
 * The window's "Always in Touch": the outbox over the data folder with the Ktor transport, and its sender once
 * [start] is called. Closing stops the sender, ends any request in flight (a question being sent stays in the
 * database and is sent again next time, with the same key: the server keeps one) and closes the store.
 */
class BackgroundQuestions(dataDirectory: Path, clock: Clock) : AutoCloseable {
    // Ktor's client takes most of a second to set up on a slow machine: it is made at the first request (off the
    // UI thread, from the sender), never on the way to the window's first frame.
    private val ktor = lazy { KtorTransport() }
    private val transport = HttpTransport { request -> ktor.value.send(request) }
    private val job = SupervisorJob()
    private val scope = CoroutineScope(job + Dispatchers.IO)
    private var started = false
    val outbox = QuestionsOutbox(dataDirectory, transport, AppQuestions.serverUrl(), clock)

    /**
     * Starts sending and reading answers. [sync]: a feed sync that worked means the network is there, so what
     * waits goes now and answers are read ("answers fetched on sync").
     */
    @Synchronized
    fun start(sync: SyncStatus?) {
        if (started) return
        started = true
        outbox.start(scope)
        if (sync != null) {
            scope.launch {
                // The first value is from before this start; every later success wakes the sender.
                sync.state.map { it.lastSuccess }.distinctUntilChanged().drop(1).filterNotNull()
                    .collect { outbox.wake(everything = true) }
            }
        }
    }

    override fun close() {
        if (ktor.isInitialized()) ktor.value.close()
        runBlocking { job.cancelAndJoin() }
        outbox.close()
    }
}
