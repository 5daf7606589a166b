package tj.migrantsguide.app.cli

import java.io.IOException
import java.io.PrintStream
import java.nio.file.FileAlreadyExistsException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.time.Clock
import tj.migrantsguide.app.data.StoreGuideContent
import tj.migrantsguide.app.data.openGuide
import tj.migrantsguide.app.handout.AppDownload
import tj.migrantsguide.app.handout.HandoutMaker
import tj.migrantsguide.app.handout.HandoutNotMade
import tj.migrantsguide.app.handout.HandoutRequest
import tj.migrantsguide.guide.Language

/** `export --checklist ID | --contacts COUNTRY --lang L --out FILE.pdf [--data DIR] [--force]`, parsed. */
data class ExportRequest(
    val handout: HandoutRequest,
    val language: Language,
    val out: Path,
    val dataDirectory: Path,
    /** Replace [out] if it exists; without it an existing file is kept and the export refused. */
    val overwrite: Boolean,
)

/** Exit codes of `export`: made; the guide could not open or the file not be written; a request that cannot be met. */
object ExportExit {
    const val MADE = 0
    const val FAILED = 1
    const val REFUSED = 2
}

/**
 * Writes the handout next to [ExportRequest.out] and moves it into place only when complete, so that a failure
 * leaves no half-written PDF and never damages a file that was there.
 */
fun runExport(request: ExportRequest, out: PrintStream, err: PrintStream, clock: Clock): Int {
    val target = request.out.toAbsolutePath()
    if (Files.exists(target) && !request.overwrite) {
        err.println("error: $target exists; choose another name or add --force to replace it")
        return ExportExit.REFUSED
    }
    val guide = openGuide(request.dataDirectory, clock, err) ?: return ExportExit.FAILED
    guide.use {
        val maker = HandoutMaker(StoreGuideContent(it.store()), AppDownload.url)
        var temporary: Path? = null
        try {
            Files.createDirectories(target.parent)
            temporary = Files.createTempFile(target.parent, ".handout-", ".pdf.part")
            Files.newOutputStream(temporary).use { stream -> maker.write(request.handout, request.language, stream) }
            if (request.overwrite) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
            } else {
                // No ATOMIC_MOVE here: it would replace a file that appeared meanwhile.
                Files.move(temporary, target)
            }
            temporary = null
        } catch (e: HandoutNotMade) {
            err.println("error: ${e.message}")
            return ExportExit.REFUSED
        } catch (e: FileAlreadyExistsException) {
            err.println("error: $target appeared while the handout was being made; it was kept as it is")
            return ExportExit.REFUSED
        } catch (e: IOException) {
            err.println("error: cannot write $target: ${e.message}")
            return ExportExit.FAILED
        } finally {
            temporary?.let { Files.deleteIfExists(it) }
        }
    }
    out.println("wrote $target (${Files.size(target) / 1024} kB)")
    return ExportExit.MADE
}

/** Parses the words after `export`; a [CommandLine.UsageError] says what is wrong. */
fun parseExport(args: List<String>, environment: Map<String, String>, userHome: String): ExportRequest {
    val values = HashMap<String, String>()
    var overwrite = false
    var i = 0
    while (i < args.size) {
        when (val arg = args[i]) {
            "--checklist", "--contacts", "--lang", "--out", "--data" -> {
                values[arg] = args.getOrNull(i + 1)?.takeIf { !it.startsWith("--") }
                    ?: throw usage("$arg needs a value")
                i++
            }
            "--force" -> overwrite = true
            else -> throw usage("export: unknown option: $arg")
        }
        i++
    }
    val checklist = values["--checklist"]
    val contacts = values["--contacts"]
    val handout = when {
        checklist != null && contacts != null -> throw usage("export: choose --checklist ID or --contacts COUNTRY, not both")
        checklist != null -> HandoutRequest.Checklist(checklist)
        contacts != null -> HandoutRequest.Contacts(contacts.uppercase())
        else -> throw usage("export needs --checklist ID or --contacts COUNTRY")
    }
    val language = values["--lang"]?.let { code ->
        Language.fromCode(code).orElseThrow { usage("--lang must be tg, ru or en, not $code") }
    } ?: throw usage("export needs --lang tg|ru|en")
    val out = values["--out"] ?: throw usage("export needs --out FILE.pdf")
    if (!out.lowercase().endsWith(".pdf")) throw usage("--out must name a .pdf file (got $out)")
    return ExportRequest(
        handout = handout,
        language = language,
        out = Path.of(out),
        dataDirectory = tj.migrantsguide.DataDirectory.resolve(java.util.Optional.ofNullable(values["--data"]), environment, userHome),
        overwrite = overwrite,
    )
}

private fun usage(message: String) = CommandLine.UsageError(message)
