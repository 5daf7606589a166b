package tj.migrantsguide.app.cli

import java.io.PrintStream
import java.time.Clock
import java.time.Duration
import java.time.ZoneId
import java.time.format.DateTimeFormatter
import tj.migrantsguide.Guide
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.app.net.KtorTransport
import tj.migrantsguide.guide.Language
import tj.migrantsguide.outbox.MyQuestion
import tj.migrantsguide.outbox.Outbox
import tj.migrantsguide.outbox.SaveResult
import tj.migrantsguide.questions.FieldProblem
import tj.migrantsguide.questions.QuestionDraft
import tj.migrantsguide.questions.QuestionState
import tj.migrantsguide.store.QuestionStore
import tj.migrantsguide.store.StoreException

// `ask` and `questions`: "Always in Touch" from the command line, until the screens exist.
// Transport: the app's Ktor client, as in the window.

private val TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")

/**
 * The outbox lives beside the guide's content in the data folder's database (user data tables, migration 3). On
 * storage that cannot take a write it opens for reading and says so; a write refused by the storage (read-only,
 * full, gone) is told by name with exit code 4, never as a stack trace (issue 18).
 */
private fun withOutbox(guide: Guide, clock: Clock, err: PrintStream, action: (Outbox) -> Int): Int = try {
    QuestionStore.open(guide.dataDirectory()).use { store ->
        store.readOnly().ifPresent { err.println("note: ${it.describe()}; questions and answers can be read, nothing is sent or saved") }
        KtorTransport(Duration.ofSeconds(10)).use { transport -> action(Outbox(store, transport, clock)) }
    }
} catch (e: StoreException) {
    err.println("Not saved on this device: ${e.problem().words()} (${e.operation()}). Nothing was half-written; try again once the storage can take it.")
    4
}

fun runAsk(command: CommandLine.Command.Ask, out: PrintStream, err: PrintStream, clock: Clock): Int =
    openGuide(command.dataDirectory, clock, err)?.use { guide ->
        val language = command.language ?: guessLanguage(command.message).code()
        printNotAnEmergencyService(guide, command.country, language, out)
        withOutbox(guide, clock, err) { outbox ->
            val draft = QuestionDraft(command.topic, command.country, language, command.message, command.contact,
                command.consent)
            val saved = try {
                outbox.save(draft, command.server)
            } catch (e: IllegalArgumentException) {
                err.println("error: ${e.message}")
                return@withOutbox 2
            }
            when (saved) {
                is SaveResult.Invalid -> {
                    err.println("The question was not saved. Please fix:")
                    saved.problems().forEach { err.println("  ${optionOf(it)}: ${it.message()}") }
                    2
                }
                is SaveResult.Saved -> {
                    out.println("Saved on this device as question #${saved.question().id()}.")
                    outbox.sendDue()
                    val now = outbox.question(saved.question().id()).orElseThrow()
                    out.println(
                        when (now.state()) {
                            QuestionState.SENT -> "Sent: the Ministry has it. See the answer later with: questions"
                            QuestionState.FAILED -> "Not accepted: ${now.failure().map { it.reason() }.orElse("")}"
                            else -> "Not sent yet (${now.waitingBecause().orElse("waiting")}); it stays here and " +
                                "is sent when a connection exists, or now with: questions"
                        },
                    )
                    0
                }
            }
        }
    } ?: 1

fun runQuestions(command: CommandLine.Command.Questions, out: PrintStream, err: PrintStream, clock: Clock): Int =
    openGuide(command.dataDirectory, clock, err)?.use { guide ->
        withOutbox(guide, clock, err) { outbox ->
            command.server?.let { server ->
                val moved = outbox.moveUnsentTo(server)
                if (moved > 0) out.println("$moved question(s) not yet taken by a server will go to $server.")
            }
            val report = outbox.syncNow()
            report.problems().map { it.describe() }.distinct().forEach { err.println("note: $it") }
            val questions = outbox.questions()
            if (questions.isEmpty()) {
                out.println("No questions on this device. Ask one with: ask --topic T --country C --message TEXT --server URL")
                return@withOutbox 0
            }
            val new = outbox.newAnswers()
            out.println("My questions" + if (new > 0) " ($new new answer${if (new == 1) "" else "s"})" else "")
            // Times as the person's computer shows them; the clock (UTC) is only for deciding what is due.
            questions.forEach { printQuestion(it, ZoneId.systemDefault(), out) }
            // Printed means seen: the marker is for answers nobody has looked at yet (kept when it cannot be written).
            try {
                questions.filter { it.newAnswer() }.forEach { outbox.markAnswerSeen(it.id()) }
            } catch (e: StoreException) {
                err.println("note: answers stay marked new: ${e.problem().words()}")
            }
            0
        }
    } ?: 1

private fun printQuestion(q: MyQuestion, zone: ZoneId, out: PrintStream) {
    val state = when (q.state()) {
        QuestionState.WAITING -> "waiting to send" +
            q.nextAttemptAt().map { " (next try ${TIME.format(it.atZone(zone))}" + q.waitingBecause().map { ", $it" }.orElse("") + ")" }
                .orElse("")
        QuestionState.SENT -> "sent"
        QuestionState.ANSWERED -> "answered" + if (q.newAnswer()) "  NEW" else ""
        QuestionState.FAILED -> "failed: " + q.failure().map { it.reason() }.orElse("")
    }
    out.println()
    out.println("#${q.id()}  ${TIME.format(q.askedAt().atZone(zone))}  ${q.topic().code()} · ${q.country()} · ${q.language().code()}  [$state]")
    q.message().lines().forEach { out.println("    Q: $it") }
    q.answer().ifPresent { answer ->
        out.println("    A (${TIME.format(answer.answeredAt().atZone(zone))}):")
        answer.text().lines().forEach { out.println("       $it") }
    }
}

/** Rule 7 of the content rules: where people ask, say that this is not an emergency service, with the numbers. */
private fun printNotAnEmergencyService(guide: Guide, country: String, languageCode: String, out: PrintStream) {
    val language = Language.fromCode(languageCode).orElse(Language.ENGLISH)
    out.println("This is not an emergency service; answers can take days.")
    val emergency = guide.store().contacts(country.uppercase(), language).filter { it.emergency() && it.phones().isNotEmpty() }
    if (emergency.isEmpty()) {
        out.println("In danger, call the local emergency number or see the emergency card in the guide.")
    } else {
        out.println("In danger, call:")
        emergency.forEach { contact -> out.println("  ${contact.name()}: ${contact.phones().joinToString(", ") { it.display() }}") }
    }
    out.println()
}

private fun optionOf(problem: FieldProblem): String = "--" + problem.field().jsonName()

/** The language a message is written in, roughly: Tajik letters, else Cyrillic, else English. */
internal fun guessLanguage(message: String): Language = when {
    message.any { it in "ғӣқӯҳҷҒӢҚӮҲҶ" } -> Language.TAJIK
    message.any { it in '\u0400'..'\u04FF' } -> Language.RUSSIAN
    else -> Language.ENGLISH
}
