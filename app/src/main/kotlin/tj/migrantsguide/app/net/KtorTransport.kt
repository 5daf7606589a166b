package tj.migrantsguide.app.net

import io.ktor.client.HttpClient
import io.ktor.client.engine.java.Java
import io.ktor.client.plugins.HttpTimeout
import io.ktor.client.request.prepareRequest
import io.ktor.client.request.setBody
import io.ktor.client.request.url
import io.ktor.client.statement.HttpResponse as KtorResponse
import io.ktor.client.statement.bodyAsChannel
import io.ktor.http.HttpMethod
import io.ktor.utils.io.jvm.javaio.toInputStream
import java.io.IOException
import java.io.InputStream
import java.time.Duration
import java.util.Optional
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.CoroutineScope
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.SupervisorJob
import kotlinx.coroutines.TimeoutCancellationException
import kotlinx.coroutines.cancel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.withTimeout
import tj.migrantsguide.transport.HttpRequest
import tj.migrantsguide.transport.HttpResponse
import tj.migrantsguide.transport.HttpTransport
import tj.migrantsguide.transport.ResponseTimeoutException

/**
 * The app's [HttpTransport]: the Ktor client on the JDK's HTTP engine.
 *
 * The body is streamed, never buffered whole (a buffered body would let a server fill the memory before any cap
 * applies): Ktor's streaming call lives as long as its `execute {}` block, so the block is kept open in a coroutine
 * until the caller closes the response. Closing it (from any thread) cancels that coroutine, which ends a read
 * blocked on the body: how sync's watchdog stops a server that stalls.
 *
 * No redirects are followed, no content encoding is undone (no ContentEncoding plugin), and non-2xx statuses are
 * returned, not thrown: the caller decides about each.
 */
class KtorTransport(connectTimeout: Duration = Duration.ofSeconds(10)) : HttpTransport, AutoCloseable {
    // Made at the first request (issue 19): Ktor's ~300 classes and the JDK client's threads are not loaded at
    // start, before the window's first frame, but when the first sync or question goes out.
    private val made = lazy {
        HttpClient(Java) {
            expectSuccess = false
            followRedirects = false
            install(HttpTimeout) {
                connectTimeoutMillis = connectTimeout.toMillis()
            }
        }
    }
    private val client by made
    private val calls = CoroutineScope(SupervisorJob() + Dispatchers.IO)

    override fun send(request: HttpRequest): HttpResponse {
        val headersArrived = CompletableDeferred<Pair<KtorResponse, InputStream>>()
        val released = CompletableDeferred<Unit>()
        val call = calls.launch {
            try {
                client.prepareRequest {
                    method = HttpMethod.parse(request.method())
                    url(request.uri().toString())
                    request.headers().forEach { (name, value) -> headers.append(name, value) }
                    if (request.body().isNotEmpty()) setBody(request.body())
                }.execute { response ->
                    headersArrived.complete(response to response.bodyAsChannel().toInputStream())
                    released.await()
                }
            } catch (e: Throwable) {
                headersArrived.completeExceptionally(e)
                if (e is CancellationException) throw e
            }
        }
        val (response, body) = try {
            runBlocking { withTimeout(request.timeout().toMillis()) { headersArrived.await() } }
        } catch (e: TimeoutCancellationException) {
            call.cancel()
            throw ResponseTimeoutException(request.timeout(), e)
        } catch (e: IOException) {
            call.cancel()
            throw e
        } catch (e: Exception) {
            // Unresolvable host, refused connection wrapped by the engine, cancellation: no network, as far as
            // the caller can tell.
            call.cancel()
            throw IOException(e.message ?: e.javaClass.simpleName, e)
        }
        return object : HttpResponse {
            override fun status(): Int = response.status.value

            override fun header(name: String): Optional<String> = Optional.ofNullable(response.headers[name])

            override fun body(): InputStream = IoExceptionsOnly(body)

            override fun close() {
                released.complete(Unit)
                call.cancel()
            }
        }
    }

    override fun close() {
        calls.cancel()
        if (made.isInitialized()) client.close()
    }

    /** Ktor's blocking stream may end a cancelled read with a CancellationException; callers expect IOException. */
    private class IoExceptionsOnly(private val stream: InputStream) : InputStream() {
        override fun read(): Int = guarded { stream.read() }

        override fun read(b: ByteArray, off: Int, len: Int): Int = guarded { stream.read(b, off, len) }

        override fun close() = guarded { stream.close() }

        private inline fun <T> guarded(block: () -> T): T =
            try {
                block()
            } catch (e: IOException) {
                throw e
            } catch (e: Exception) {
                throw IOException("download stopped: ${e.message ?: e.javaClass.simpleName}", e)
            }
    }
}
