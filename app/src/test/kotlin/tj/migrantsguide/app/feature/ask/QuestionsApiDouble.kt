package tj.migrantsguide.app.feature.ask

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import java.net.InetAddress
import java.net.InetSocketAddress
import java.net.URI
import java.time.Instant
import java.util.Optional
import java.util.concurrent.Executors
import tj.migrantsguide.questions.QuestionCodec

/**
 * The questions API of docs/questions-api.md on a loopback port (the JDK's HttpServer), as far as the device uses
 * it: submit with an idempotency key, list a token's questions with answers, delete. The reference server lives in
 * `content`, which the app must not depend on; this double keeps the same wire format through shared's
 * [QuestionCodec] and lets a test play the desk ([answer]) and a server that is down ([down]).
 */
class QuestionsApiDouble : AutoCloseable {
    data class Received(val id: String, val token: String, val key: String, val body: String, val receivedAt: Instant) {
        var answer: QuestionCodec.RemoteAnswer? = null
    }

    private val threads = Executors.newCachedThreadPool { r -> Thread(r, "questions-api-double").apply { isDaemon = true } }
    private val server: HttpServer = HttpServer.create(InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
    private val questions = mutableListOf<Received>()

    /** While true, every request gets 503 with Retry-After (a server that is down for maintenance). */
    @Volatile var down = false
    @Volatile var retryAfterSeconds = 3600

    /** Server ids the device asked to delete. */
    val deleted: MutableList<String> = java.util.Collections.synchronizedList(mutableListOf())

    /** Every POST that reached the server, duplicates included (the same key twice is stored once). */
    @Volatile var posts = 0

    init {
        server.createContext("/v1/questions") { exchange -> exchange.use { serve(it) } }
        server.executor = threads
        server.start()
    }

    val url: URI get() = URI.create("http://127.0.0.1:${server.address.port}/")

    fun received(): List<Received> = synchronized(questions) { questions.toList() }

    /** The desk answers a question. */
    fun answer(id: String, text: String, at: Instant) {
        synchronized(questions) { questions.first { it.id == id }.answer = QuestionCodec.RemoteAnswer(text, at) }
    }

    private fun serve(exchange: HttpExchange) {
        if (down) {
            exchange.responseHeaders.add("Retry-After", retryAfterSeconds.toString())
            exchange.sendResponseHeaders(503, -1)
            return
        }
        val token = exchange.requestHeaders.getFirst("Authorization")?.removePrefix("Bearer ") ?: run {
            exchange.sendResponseHeaders(401, -1)
            return
        }
        val path = exchange.requestURI.path
        when {
            exchange.requestMethod == "POST" && path == "/v1/questions" -> {
                posts++
                val key = exchange.requestHeaders.getFirst("Idempotency-Key").trim('"')
                val body = exchange.requestBody.readAllBytes().toString(Charsets.UTF_8)
                val stored = synchronized(questions) {
                    questions.firstOrNull { it.token == token && it.key == key }
                        ?: Received("q${questions.size + 1}", token, key, body, Instant.parse("2026-01-01T00:00:00Z")).also { questions += it }
                }
                reply(exchange, 201, QuestionCodec.writeReceipt(QuestionCodec.Receipt(stored.id, stored.receivedAt)))
            }
            exchange.requestMethod == "GET" && path == "/v1/questions" -> {
                val mine = received().filter { it.token == token }
                    .map { QuestionCodec.RemoteQuestion(it.id, it.key, it.receivedAt, Optional.ofNullable(it.answer)) }
                reply(exchange, 200, QuestionCodec.writeQuestionList(mine))
            }
            exchange.requestMethod == "DELETE" && path.startsWith("/v1/questions/") -> {
                val id = path.removePrefix("/v1/questions/")
                val removed = synchronized(questions) { questions.removeIf { it.id == id && it.token == token } }
                if (removed) deleted += id
                exchange.sendResponseHeaders(if (removed) 204 else 404, -1)
            }
            else -> exchange.sendResponseHeaders(405, -1)
        }
    }

    private fun reply(exchange: HttpExchange, status: Int, body: ByteArray) {
        exchange.responseHeaders.add("Content-Type", QuestionCodec.CONTENT_TYPE)
        exchange.sendResponseHeaders(status, body.size.toLong())
        exchange.responseBody.write(body)
    }

    override fun close() {
        server.stop(0)
        threads.shutdownNow()
    }
}
