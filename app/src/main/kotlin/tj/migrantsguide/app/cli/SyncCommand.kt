package tj.migrantsguide.app.cli

import java.io.PrintStream
import java.nio.file.Files
import java.nio.file.NoSuchFileException
import java.nio.file.Path
import java.time.Clock
import tj.migrantsguide.Guide
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.app.net.KtorTransport
import tj.migrantsguide.app.sync.AppFeed
import tj.migrantsguide.feed.FeedKeys
import tj.migrantsguide.feed.KeyFileException
import tj.migrantsguide.feed.TrustedKeys
import tj.migrantsguide.sync.FeedSource
import tj.migrantsguide.sync.Sync
import tj.migrantsguide.sync.SyncHistory
import tj.migrantsguide.sync.SyncResult

/** Exit codes of `sync`: scripts tell a refused feed from a missing network. */
object SyncExit {
    const val UPDATED_OR_UP_TO_DATE = 0
    const val REJECTED = 1
    const val OFFLINE = 3
    const val FAILED_ON_THIS_DEVICE = 4
}

/** `migrants-guide.jar sync URL [--trust FILE]`: the same sync as the window's, with its result in words. */
fun runSyncCommand(command: CommandLine.Command.Sync, out: PrintStream, err: PrintStream, clock: Clock): Int {
    val forThisRun = try {
        command.trust?.let { file -> TrustedKeys.of(FeedKeys.readPublicKeyFile(file.toString(), Files.readString(file))) }
    } catch (e: NoSuchFileException) {
        err.println("error: no such key file: ${command.trust}")
        return 2
    } catch (e: KeyFileException) {
        err.println("error: ${e.message}")
        return 2
    }
    val guide = openGuide(command.dataDirectory, clock, err) ?: return SyncExit.FAILED_ON_THIS_DEVICE
    return guide.use {
        KtorTransport().use { transport ->
            // A folder (a USB stick, `export-feed`) goes through the same checks, rejections and progress.
            var source = if (command.feedUrl.scheme.equals("file", ignoreCase = true)) {
                FeedSource.folder(Path.of(command.feedUrl), AppFeed.pinnedKeys)
            } else {
                FeedSource.of(command.feedUrl, transport, AppFeed.pinnedKeys)
            }
            if (forThisRun != null) {
                source = source.trustingForThisRun(forThisRun)
                err.println("trusting for this run only: " + forThisRun.keys().joinToString { it.shortId() })
            }
            out.println("syncing from ${source.feedUrl()} (installed version ${installedVersion(guide)})")
            val result = Sync.run(guide.store(), guide.dataDirectory(), source, clock, ProgressLines(err))
            report(result, out, err).also { code ->
                if (result is SyncResult.Updated) printSummary(guide, out)
            }
        }
    }
}

private fun report(result: SyncResult, out: PrintStream, err: PrintStream): Int =
    when (result) {
        is SyncResult.Updated, is SyncResult.UpToDate -> {
            out.println(result.describe())
            SyncExit.UPDATED_OR_UP_TO_DATE
        }
        is SyncResult.Rejected -> {
            err.println(result.describe())
            SyncExit.REJECTED
        }
        is SyncResult.Offline -> {
            err.println(result.describe())
            SyncExit.OFFLINE
        }
        is SyncResult.Failed -> {
            err.println(result.describe())
            SyncExit.FAILED_ON_THIS_DEVICE
        }
    }

/** After an update, the line the window also shows: "what changed: 3 articles, 1 phone number changed (tg)". */
private fun printSummary(guide: Guide, out: PrintStream) {
    val language = guide.store().user().settings().language().orElse(tj.migrantsguide.guide.Language.TAJIK)
    guide.store().changes(0, java.util.Optional.of(language)).firstOrNull()?.let { update ->
        out.println("what changed: ${update.summary(language).describe()} (${language.code()}; details: changes --since ${update.fromVersion})")
    }
}

private fun installedVersion(guide: Guide): String =
    guide.store().installedFeed().map { it.version().toString() }.orElse("none")

/** Progress on the terminal: a line when the total is known and about every 64 KiB after, not one per packet. */
private class ProgressLines(private val err: PrintStream) : tj.migrantsguide.sync.SyncProgress {
    private var lastPrinted = -1L
    private var lastTotal = -2L

    override fun onProgress(bytesDone: Long, bytesTotal: Long) {
        val finished = bytesTotal >= 0 && bytesDone == bytesTotal
        if (bytesTotal != lastTotal || finished || bytesDone - lastPrinted >= 64 * 1024) {
            if (bytesDone != lastPrinted || bytesTotal != lastTotal) {
                err.println("  ${bytesDone} / ${if (bytesTotal < 0) "?" else bytesTotal.toString()} bytes")
            }
            lastPrinted = bytesDone
            lastTotal = bytesTotal
        }
    }
}

/** The feed lines of `info`: expiry, the last sync, the keys trusted, and a warning for the development key. */
fun printFeedInfo(guide: Guide, out: PrintStream, clock: Clock) {
    guide.store().installedFeed().ifPresent { installed ->
        val expired = !clock.instant().isBefore(installed.expires())
        out.println("content expires: ${installed.expires()}" + if (expired) "  (expired: content may be out of date)" else "")
    }
    out.println("feed:            ${AppFeed.feedUrl() ?: "none configured"}")
    val history = SyncHistory.read(guide.dataDirectory())
    out.println("last sync:       " + history.lastAttempt().map { "$it: ${history.lastResult().orElse("")}" }.orElse("never"))
    out.println("last successful: " + history.lastSuccess().map { it.toString() }.orElse("never"))
    val trusted = Sync.trustedKeys(guide.dataDirectory(), AppFeed.pinnedKeys)
    out.println("trusted keys:    " + trusted.keys().joinToString { it.shortId() })
    out.println("root keys:       " + trusted.roots().joinToString { it.shortId() }
        .ifEmpty { "none (announced keys are refused: UNAUTHORISED_KEYS)" })
    if (AppFeed.trustsDevelopmentKey(trusted)) {
        out.println(
            "WARNING: this app trusts the DEVELOPMENT key (content/keys/development), whose private half is public. " +
                "Fine for development and demos; a release build must pin its own key (docs/feed-format.md).",
        )
    }
}
