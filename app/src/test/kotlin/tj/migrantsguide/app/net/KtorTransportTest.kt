package tj.migrantsguide.app.net

import com.sun.net.httpserver.HttpServer
import java.io.ByteArrayOutputStream
import java.io.IOException
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.ServerSocket
import java.net.URI
import java.time.Duration
import java.util.concurrent.Executors
import java.util.zip.GZIPOutputStream
import kotlin.concurrent.thread
import kotlin.test.AfterTest
import kotlin.test.Test
import kotlin.test.assertContentEquals
import kotlin.test.assertEquals
import kotlin.test.assertFailsWith
import kotlin.test.assertFalse
import kotlin.test.assertTrue
import org.junit.jupiter.api.Timeout
import tj.migrantsguide.transport.HttpRequest
import tj.migrantsguide.transport.ResponseTimeoutException

/** The Ktor transport keeps the contract of shared's HttpTransport, against a real server on a loopback port. */
@Timeout(30)
class KtorTransportTest {
    private val threads = Executors.newCachedThreadPool { r -> Thread(r).apply { isDaemon = true } }
    private val server = HttpServer.create(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0).apply {
        executor = threads
        start()
    }
    private val transport = KtorTransport(Duration.ofSeconds(2))

    @AfterTest
    fun stop() {
        transport.close()
        server.stop(0)
        threads.shutdownNow()
    }

    private fun url(path: String) = URI.create("http://127.0.0.1:${server.address.port}$path")

    private fun get(path: String, headers: Map<String, String> = emptyMap(), timeout: Duration = Duration.ofSeconds(5)) =
        transport.send(HttpRequest.get(url(path), headers, timeout))

    @Test
    fun `streams the body and passes headers both ways`() {
        server.createContext("/index.json") { exchange ->
            val seen = exchange.requestHeaders.getFirst("If-None-Match") ?: "none"
            exchange.responseHeaders["Content-Type"] = listOf("application/json")
            exchange.responseHeaders["ETag"] = listOf("\"abc\"")
            val body = """{"seen":"$seen"}""".toByteArray()
            exchange.sendResponseHeaders(200, body.size.toLong())
            exchange.responseBody.use { it.write(body) }
        }
        get("/index.json", mapOf("If-None-Match" to "\"xyz\"")).use { response ->
            assertEquals(200, response.status())
            assertEquals("\"abc\"", response.header("etag").orElseThrow())
            assertEquals("{\"seen\":\"\"xyz\"\"}", response.body().readAllBytes().decodeToString())
        }
    }

    @Test
    fun `does not follow redirects and returns error statuses instead of throwing`() {
        server.createContext("/moved") { exchange ->
            exchange.responseHeaders["Location"] = listOf("http://elsewhere.example/")
            exchange.sendResponseHeaders(302, -1)
            exchange.close()
        }
        get("/moved").use { assertEquals(302, it.status()) }
        get("/missing").use { assertEquals(404, it.status()) }
    }

    @Test
    fun `leaves a gzip body as it was sent`() {
        val gzipped = ByteArrayOutputStream().also { bytes -> GZIPOutputStream(bytes).use { it.write("{}".toByteArray()) } }.toByteArray()
        server.createContext("/gz") { exchange ->
            exchange.responseHeaders["Content-Encoding"] = listOf("gzip")
            exchange.sendResponseHeaders(200, gzipped.size.toLong())
            exchange.responseBody.use { it.write(gzipped) }
        }
        get("/gz", mapOf("Accept-Encoding" to "gzip")).use { response ->
            assertEquals("gzip", response.header("Content-Encoding").orElseThrow())
            assertContentEquals(gzipped, response.body().readAllBytes())
        }
    }

    @Test
    fun `a server that never answers ends in a response timeout`() {
        server.createContext("/hang") { Thread.sleep(60_000) }
        assertFailsWith<ResponseTimeoutException> { get("/hang", timeout = Duration.ofMillis(300)) }
    }

    @Test
    fun `no server is an IOException that is not a timeout`() {
        val port = ServerSocket(0).use { it.localPort }
        val e = assertFailsWith<IOException> {
            transport.send(HttpRequest.get(URI.create("http://127.0.0.1:$port/"), emptyMap(), Duration.ofSeconds(5)))
        }
        assertFalse(e is ResponseTimeoutException)
    }

    @Test
    fun `closing the response from another thread ends a read blocked on a silent server`() {
        server.createContext("/silent") { exchange ->
            exchange.sendResponseHeaders(200, 0)
            exchange.responseBody.write('{'.code)
            exchange.responseBody.flush()
            Thread.sleep(60_000)
        }
        val response = get("/silent")
        val body = response.body()
        assertEquals('{'.code, body.read())
        var ended: Result<Int>? = null
        val reader = thread { ended = runCatching { body.read() } }
        Thread.sleep(200)
        response.close()
        reader.join()
        val outcome = ended!!
        assertTrue(outcome.isFailure && outcome.exceptionOrNull() is IOException || outcome.getOrNull() == -1, "$outcome")
    }
}
