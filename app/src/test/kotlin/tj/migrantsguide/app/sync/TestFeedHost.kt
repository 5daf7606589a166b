package tj.migrantsguide.app.sync

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.URI
import java.nio.file.Files
import java.nio.file.Path
import java.security.SecureRandom
import java.time.Instant
import java.time.LocalDate
import java.util.Optional
import java.util.concurrent.Executors
import tj.migrantsguide.feed.CommonPack
import tj.migrantsguide.feed.CountryPack
import tj.migrantsguide.feed.FeedKeys
import tj.migrantsguide.feed.FeedReader
import tj.migrantsguide.feed.FeedWriter
import tj.migrantsguide.feed.SigningKey
import tj.migrantsguide.guide.Article
import tj.migrantsguide.guide.Country
import tj.migrantsguide.guide.Language
import tj.migrantsguide.guide.Stage

/** A static feed host on a loopback port (the JDK's HttpServer), as nginx or a CDN serves a feed folder. */
class TestFeedHost(private val folder: Path) : AutoCloseable {
    private val threads = Executors.newCachedThreadPool { r -> Thread(r, "test-feed-host").apply { isDaemon = true } }
    private val server: HttpServer = HttpServer.create(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)

    /** Per path, an answer that replaces the file (a misbehaving server). */
    val faults = java.util.concurrent.ConcurrentHashMap<String, (HttpExchange) -> Unit>()

    init {
        server.createContext("/feed/") { exchange -> exchange.use { serve(it) } }
        server.executor = threads
        server.start()
    }

    val url: URI get() = URI.create("http://127.0.0.1:${server.address.port}/feed/")

    private fun serve(exchange: HttpExchange) {
        val path = exchange.requestURI.path.removePrefix("/feed/")
        faults[path]?.let { fault ->
            runCatching { fault(exchange) }
            return
        }
        val file = folder.resolve(path).normalize()
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            exchange.sendResponseHeaders(404, -1)
            return
        }
        val bytes = Files.readAllBytes(file)
        val etag = "\"" + FeedReader.sha256Hex(bytes) + "\""
        exchange.responseHeaders["Content-Type"] = listOf("application/json")
        exchange.responseHeaders["ETag"] = listOf(etag)
        if (exchange.requestHeaders.getFirst("If-None-Match") == etag) {
            exchange.sendResponseHeaders(304, -1)
            return
        }
        exchange.sendResponseHeaders(200, bytes.size.toLong())
        exchange.responseBody.write(bytes)
    }

    override fun close() {
        server.stop(0)
        threads.shutdownNow()
    }

    companion object {
        val PUBLISHED: Instant = Instant.parse("2026-11-01T00:00:00Z")

        /** A key made for this test run; tests pass its public half with --trust. */
        fun newKey(): SigningKey = FeedKeys.generate(SecureRandom())

        /** A small feed (clearly test content) of [version], signed by [key]: Russia, one article per language. */
        fun writeFeed(folder: Path, version: Long, title: String, key: SigningKey, expires: Instant = PUBLISHED.plusSeconds(180L * 86_400)) {
            val common = CommonPack(listOf(Country("RU", mapOf(Language.ENGLISH to "Russia", Language.RUSSIAN to "Россия", Language.TAJIK to "Русия"), 1)))
            val packs = Language.values().map { language ->
                val article = Article(
                    "test-article", "RU", Stage.ABROAD, language, "$title (${language.code()})", "Test body",
                    listOf("test"), Optional.of(LocalDate.of(2026, 11, 1)), 1,
                )
                CountryPack("RU", language, listOf(article), listOf(), listOf())
            }
            FeedWriter.write(folder, version, PUBLISHED, expires, common, packs, listOf(), listOf(key))
        }
    }
}
