package tj.migrantsguide.app.cli

import java.io.IOException
import java.io.PrintStream
import java.net.InetAddress
import java.net.UnknownHostException
import java.nio.file.Path
import java.time.Clock
import java.util.Optional
import java.util.concurrent.CountDownLatch
import tj.migrantsguide.DataDirectory
import tj.migrantsguide.Guide
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.app.system.LocalNetwork
import tj.migrantsguide.guide.Language
import tj.migrantsguide.share.ShareServer
import tj.migrantsguide.store.ContentChanges
import tj.migrantsguide.store.GuideStore
import tj.migrantsguide.store.ItemChange
import tj.migrantsguide.store.ItemKind
import tj.migrantsguide.store.ItemRef
import tj.migrantsguide.sync.KeptFeed

/** `changes`, `share`, `export-feed` (issue 17): what updates changed, and passing the signed feed on. */
sealed interface ShareRequest {
    val dataDirectory: Path

    /** The change lists of updates to a version above [since], in [language] (default: the app's, else tg). */
    data class Changes(override val dataDirectory: Path, val since: Long, val language: Language?) : ShareRequest

    /** Serve the kept signed feed on [host] (default: this device's local network address) and [port]. */
    data class Share(override val dataDirectory: Path, val host: String?, val port: Int) : ShareRequest

    /** Write the kept signed feed to [folder] (a USB stick). */
    data class ExportFeed(override val dataDirectory: Path, val folder: Path) : ShareRequest
}

/** The port `share` uses unless told: the reference server's, so the address is easy to say aloud. */
const val SHARE_PORT = 8080

/** The lines of `--help` about these commands, with the margin `|` that [CommandLine.USAGE] trims. */
val SHARE_USAGE = listOf(
    "|  changes [--since VERSION] [--lang L]",
    "|              what each installed update changed, newest first: added, removed and changed articles,",
    "|              checklists and contacts, numbers first; removed words in [-…-], new ones in {+…+}",
    "|  share [--port P] [--host ADDR]",
    "|              serve the installed signed content on the local network (read-only) until Ctrl-C, so",
    "|              other devices run `sync http://ADDR:P/`; they check the Ministry's signature themselves.",
    "|              Default: this device's local network address and port $SHARE_PORT",
    "|  export-feed DIR",
    "|              write the installed signed content to the folder DIR (a USB stick); other devices then",
    "|              run `sync DIR` with the same checks as over the network",
).joinToString("\n")

fun parseShareCommand(name: String, args: List<String>, environment: Map<String, String>, userHome: String): ShareRequest {
    val values = HashMap<String, String>()
    val words = mutableListOf<String>()
    var i = 0
    while (i < args.size) {
        val arg = args[i]
        when {
            arg in setOf("--data", "--since", "--lang", "--port", "--host") -> {
                values[arg] = args.getOrNull(i + 1)?.takeIf { !it.startsWith("--") } ?: throw usage("$arg needs a value")
                i += 2
            }
            arg.startsWith("--") -> throw usage("$name: unknown option: $arg")
            else -> {
                words += arg
                i++
            }
        }
    }
    val data = DataDirectory.resolve(Optional.ofNullable(values["--data"]), environment, userHome)
    fun only(vararg allowed: String) {
        val extra = values.keys - setOf("--data", *allowed)
        if (extra.isNotEmpty()) throw usage("$name: ${extra.sorted().joinToString(", ")} does not go here")
    }
    return when (name) {
        "changes" -> {
            only("--since", "--lang")
            if (words.isNotEmpty()) throw usage("changes: unexpected word: ${words.first()}")
            val since = values["--since"]?.let { it.toLongOrNull()?.takeIf { v -> v >= 0 } ?: throw usage("--since needs a version number, e.g. 14 (got $it)") } ?: 0L
            val language = values["--lang"]?.let { Language.fromCode(it).orElseThrow { usage("--lang must be tg, ru or en, not $it") } }
            ShareRequest.Changes(data, since, language)
        }
        "share" -> {
            only("--port", "--host")
            if (words.isNotEmpty()) throw usage("share: unexpected word: ${words.first()}")
            val port = values["--port"]?.let { it.toIntOrNull()?.takeIf { p -> p in 0..65535 } ?: throw usage("--port needs a number from 0 to 65535 (got $it)") } ?: SHARE_PORT
            ShareRequest.Share(data, values["--host"], port)
        }
        "export-feed" -> {
            only()
            val folder = words.singleOrNull() ?: throw usage("export-feed needs one folder: export-feed DIR")
            ShareRequest.ExportFeed(data, Path.of(folder).toAbsolutePath())
        }
        else -> throw usage("unknown command: $name")
    }
}

private fun usage(message: String) = CommandLine.UsageError(message)

/** Exit codes: 0 done; 1 the guide could not be opened or nothing can be shared; 2 a wrong request. */
fun runShareCommand(
    request: ShareRequest,
    out: PrintStream,
    err: PrintStream,
    clock: Clock,
    /** `share` serves until this opens (Ctrl-C opens it; tests open it themselves). */
    stop: CountDownLatch = CountDownLatch(1),
): Int {
    val guide = openGuide(request.dataDirectory, clock, err) ?: return 1
    return guide.use {
        guide.startReport().recovery().ifPresent { err.println("note: ${it.describe()}") }
        when (request) {
            is ShareRequest.Changes -> printChanges(guide, request, out)
            is ShareRequest.Share -> share(guide, request, out, err, stop)
            is ShareRequest.ExportFeed -> exportFeed(guide, request, out, err)
        }
    }
}

// ---- changes ----

private fun printChanges(guide: Guide, request: ShareRequest.Changes, out: PrintStream): Int {
    val store = guide.store()
    val language = request.language ?: store.user().settings().language().orElse(Language.TAJIK)
    val updates = store.changes(request.since, Optional.of(language))
    if (updates.isEmpty()) {
        out.println(if (request.since > 0) "no updates after version ${request.since}" else "no updates recorded yet (the guide is as it came with the app)")
        return 0
    }
    val mine = personsItems(store)
    for (update in updates) {
        out.println(heading(update, language))
        if (update.kind == ContentChanges.Kind.REBUILT) {
            out.println("  the guide's content was damaged and rebuilt from the app's own copy; what changed before is not known")
        }
        for (item in update.forReading(language, mine)) printItem(item, mine.test(item.ref()), out)
        out.println()
    }
    return 0
}

private fun heading(update: ContentChanges, language: Language): String {
    val summary = update.summary(language)
    val versions = if (update.kind == ContentChanges.Kind.REBUILT) "rebuilt at version ${update.toVersion}" else "version ${update.fromVersion} → ${update.toVersion}"
    return "$versions, installed ${update.installedAt}: ${summary.describe()} (${language.code()})"
}

private fun printItem(item: ItemChange, mine: Boolean, out: PrintStream) {
    val kind = kindWord(item.kind())
    val marks = listOfNotNull("yours".takeIf { mine }, "checked again only".takeIf { !item.substantive() })
    out.println("  ${item.change().code().padEnd(7)} $kind ${item.countryCode()}/${item.id()} \"${item.title()}\"" +
        if (marks.isEmpty()) "" else " (${marks.joinToString(", ")})")
    for (number in item.numbers()) {
        out.println("      number ${number.change().code()}: " + when (number.change()) {
            ItemChange.Change.ADDED -> "{+${number.after().orElse("")}+}"
            ItemChange.Change.REMOVED -> "[-${number.before().orElse("")}-]"
            ItemChange.Change.CHANGED -> "[-${number.before().orElse("")}-] {+${number.after().orElse("")}+}"
        })
    }
    for (field in item.fields()) {
        out.println("      ${field.field().code()}: ${field.text().around(6).marked()}")
    }
    for (line in item.lines()) {
        out.println("      line ${line.change().code()}: ${line.text().marked()}")
    }
}

/** The person's own items: bookmarked by anyone on the device, or a checklist someone ticked in. */
fun personsItems(store: GuideStore): java.util.function.Predicate<ItemRef> {
    val user = store.user()
    val people = user.people()
    return java.util.function.Predicate { ref ->
        user.isBookmarked(ref) || (ref.kind() == ItemKind.CHECKLIST &&
            people.any { user.tickedItems(it.id(), ref.countryCode(), ref.id()).isNotEmpty() })
    }
}

// ---- share ----

/**
 * Serves until [stop] opens (Ctrl-C ends the process; the shutdown hook closes the server). Prints the address and
 * the publishing key's first digits, which the person on the other device compares with what their Settings show.
 */
private fun share(guide: Guide, request: ShareRequest.Share, out: PrintStream, err: PrintStream, stop: CountDownLatch): Int {
    val ready = readyFeed(guide, err) ?: return 1
    val host = try {
        request.host?.let { InetAddress.getByName(it) } ?: LocalNetwork.shareAddress()
    } catch (e: UnknownHostException) {
        err.println("error: --host: no such address: ${request.host}")
        return 2
    }
    if (host == null) {
        err.println("error: this device has no local network address (Wi-Fi or cable); connect it, or pass --host ADDR")
        return 1
    }
    val server = try {
        ShareServer.start(ready, host, request.port, ShareServer.Limits.DEFAULT)
    } catch (e: IOException) {
        err.println("error: cannot share on ${host.hostAddress}:${request.port}: ${e.message} (another program on that port? try --port)")
        return 1
    }
    val hook = Thread { server.close(); stop.countDown() }
    Runtime.getRuntime().addShutdownHook(hook)
    server.use {
        out.println("sharing version ${ready.index().version()} (${ready.bytes()} bytes, ${ready.files().size} files)")
        out.println("address:     ${server.url()}")
        out.println("signed by:   key ${publishingKey(guide)}…")
        out.println("on the other device: sync ${server.url()}   (it checks the signature with its own keys)")
        out.println("press Ctrl-C to stop")
        out.flush()
        stop.await()
    }
    runCatching { Runtime.getRuntime().removeShutdownHook(hook) }
    err.println("stopped sharing: ${server.filesServed()} files, ${server.bytesServed()} bytes served")
    return 0
}

/** The first 8 digits of the key that signed the installed content, as Settings shows it. */
internal fun publishingKey(guide: Guide): String =
    guide.store().provenance().flatMap { it.shortKeyId() }.orElse("unknown")

private fun readyFeed(guide: Guide, err: PrintStream): KeptFeed.Ready? {
    val installed = guide.store().installedFeed().orElse(null) ?: run {
        err.println("error: no content installed")
        return null
    }
    return when (val check = KeptFeed.`in`(guide.dataDirectory()).check(installed.version())) {
        is KeptFeed.Ready -> check
        is KeptFeed.NotReady -> {
            err.println("error: cannot pass the content on: ${check.describe()}; sync once from the Ministry's feed, then try again")
            null
        }
    }
}

// ---- export-feed ----

private fun exportFeed(guide: Guide, request: ShareRequest.ExportFeed, out: PrintStream, err: PrintStream): Int {
    val ready = readyFeed(guide, err) ?: return 1
    return try {
        val written = KeptFeed.export(ready, request.folder)
        out.println("wrote version ${written.index().version()} to ${request.folder} (${written.bytes()} bytes, ${written.files().size} files, signed by key ${publishingKey(guide)}…)")
        out.println("on the other device: sync ${request.folder}")
        0
    } catch (e: IOException) {
        err.println("error: cannot write to ${request.folder}: ${e.message}")
        1
    }
}
