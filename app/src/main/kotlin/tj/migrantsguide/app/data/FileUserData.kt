package tj.migrantsguide.app.data

import java.io.IOException
import java.io.StringReader
import java.io.StringWriter
import java.nio.ByteBuffer
import java.nio.channels.FileChannel
import java.nio.charset.StandardCharsets
import java.nio.file.AtomicMoveNotSupportedException
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.nio.file.StandardOpenOption
import java.util.Properties
import kotlinx.coroutines.flow.MutableStateFlow
import kotlinx.coroutines.flow.StateFlow
import kotlinx.coroutines.flow.asStateFlow
import tj.migrantsguide.guide.Language

/**
 * TEMPORARY [UserData]: a small properties file in the data folder. It exists so that ticks, bookmarks and
 * settings survive restarts before the store's user tables land (they replace this class; the file's format is
 * kept simple so that a one-time import into the store is easy).
 *
 * Every change rewrites the whole file: write a temporary file, force it to disk, then rename it over the old one,
 * so a crash or power cut leaves either the old file or the new one, never half of one. A file that cannot be
 * read is kept beside (renamed, never deleted) and the guide starts with defaults.
 */
class FileUserData private constructor(private val file: Path, initial: Contents) : UserData {
    private data class Contents(
        val settings: Settings,
        val ticks: Map<ItemRef, Set<String>>,
        val bookmarks: List<ItemRef>,
        val recent: List<ItemRef>,
    )

    private var contents = initial
    private val settingsFlow = MutableStateFlow(initial.settings)
    private val ticksFlow = MutableStateFlow(initial.ticks)
    private val bookmarksFlow = MutableStateFlow(initial.bookmarks)
    private val recentFlow = MutableStateFlow(initial.recent)

    override val settings: StateFlow<Settings> = settingsFlow.asStateFlow()
    override val ticks: StateFlow<Map<ItemRef, Set<String>>> = ticksFlow.asStateFlow()
    override val bookmarks: StateFlow<List<ItemRef>> = bookmarksFlow.asStateFlow()
    override val recent: StateFlow<List<ItemRef>> = recentFlow.asStateFlow()

    override fun updateSettings(change: (Settings) -> Settings) = update { it.copy(settings = change(it.settings)) }

    override fun setTicked(checklist: ItemRef, itemId: String, ticked: Boolean) = update { c ->
        val now = c.ticks[checklist].orEmpty().let { if (ticked) it + itemId else it - itemId }
        c.copy(ticks = if (now.isEmpty()) c.ticks - checklist else c.ticks + (checklist to now))
    }

    override fun resetTicks(checklist: ItemRef) = update { it.copy(ticks = it.ticks - checklist) }

    override fun setBookmarked(item: ItemRef, bookmarked: Boolean) = update { c ->
        c.copy(bookmarks = (if (bookmarked) listOf(item) else emptyList()) + (c.bookmarks - item))
    }

    override fun markViewed(item: ItemRef) = update { c ->
        c.copy(recent = (listOf(item) + (c.recent - item)).take(UserData.RECENT_LIMIT))
    }

    private fun update(change: (Contents) -> Contents) {
        synchronized(this) {
            val next = change(contents)
            if (next == contents) return
            try {
                write(file, next)
            } catch (e: IOException) {
                throw UserDataNotSaved(file, e)
            }
            contents = next
            settingsFlow.value = next.settings
            ticksFlow.value = next.ticks
            bookmarksFlow.value = next.bookmarks
            recentFlow.value = next.recent
        }
    }

    companion object {
        const val FILE_NAME = "user-settings.properties"

        /** Reads [FILE_NAME] in [dataDirectory]; a missing file means a first start. */
        fun open(dataDirectory: Path): FileUserData {
            val file = dataDirectory.resolve(FILE_NAME)
            val contents = try {
                if (Files.exists(file)) read(Files.readString(file, StandardCharsets.UTF_8)) else empty()
            } catch (e: IOException) {
                keepAside(file)
                empty()
            } catch (e: IllegalArgumentException) {
                keepAside(file)
                empty()
            }
            return FileUserData(file, contents)
        }

        private fun empty() = Contents(Settings(), emptyMap(), emptyList(), emptyList())

        private fun keepAside(file: Path) {
            try {
                var n = 1
                var aside = file.resolveSibling("$FILE_NAME.unreadable-$n")
                while (Files.exists(aside)) aside = file.resolveSibling("$FILE_NAME.unreadable-${++n}")
                Files.move(file, aside)
            } catch (ignored: IOException) {
                // Could not rename: the next write replaces it, which loses nothing that could be read anyway.
            }
        }

        private fun read(text: String): Contents {
            val p = Properties().apply { load(StringReader(text)) }
            fun refs(key: String) = p.getProperty(key).orEmpty().split(' ').mapNotNull { ItemRef.parse(it) }
            val window = p.getProperty("window")?.split(',')?.mapNotNull { it.trim().toFloatOrNull() }
                ?.takeIf { it.size == 4 && it[2] > 0 && it[3] > 0 }
                ?.let { WindowPlacement(it[0], it[1], it[2], it[3]) }
            val settings = Settings(
                language = p.getProperty("language")?.let { Language.fromCode(it).orElse(null) },
                country = p.getProperty("country")?.takeIf { it.isNotBlank() },
                textSize = p.getProperty("text-size")?.toIntOrNull()?.let { TextSize.fromPercent(it) } ?: TextSize.NORMAL,
                theme = p.getProperty("theme")?.let { ThemeChoice.fromCode(it) } ?: ThemeChoice.LIGHT,
                window = window,
            )
            val ticks = p.stringPropertyNames().filter { it.startsWith("ticks.") }.mapNotNull { key ->
                val ref = ItemRef.parse(key.removePrefix("ticks.")) ?: return@mapNotNull null
                val items = p.getProperty(key).split(' ').filter { it.isNotBlank() }.toSet()
                if (ref.kind == ItemKind.CHECKLIST && items.isNotEmpty()) ref to items else null
            }.toMap()
            return Contents(settings, ticks, refs("bookmarks").distinct(), refs("recent").distinct())
        }

        private fun write(file: Path, c: Contents) {
            val p = Properties()
            c.settings.language?.let { p["language"] = it.code() }
            c.settings.country?.let { p["country"] = it }
            p["text-size"] = c.settings.textSize.percent.toString()
            p["theme"] = c.settings.theme.code
            c.settings.window?.let { p["window"] = "${it.x},${it.y},${it.width},${it.height}" }
            for ((ref, items) in c.ticks) p["ticks." + ref.code()] = items.sorted().joinToString(" ")
            if (c.bookmarks.isNotEmpty()) p["bookmarks"] = c.bookmarks.joinToString(" ") { it.code() }
            if (c.recent.isNotEmpty()) p["recent"] = c.recent.joinToString(" ") { it.code() }
            val text = StringWriter().also { p.store(it, null) }.toString()
                .lineSequence().filterNot { it.startsWith("#") }.filter { it.isNotEmpty() }.sorted()
                .joinToString("\n", prefix = HEADER, postfix = "\n")
            writeAtomically(file, text.toByteArray(StandardCharsets.UTF_8))
        }

        private const val HEADER =
            "# Migrant's Guide: this device's settings, checklist ticks, bookmarks and recent items.\n" +
                "# Temporary format, read once into the guide's database by a later version.\n"

        private fun writeAtomically(file: Path, bytes: ByteArray) {
            Files.createDirectories(file.toAbsolutePath().parent)
            val temporary = file.resolveSibling("$FILE_NAME.new")
            FileChannel.open(
                temporary, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
            ).use { channel ->
                val buffer = ByteBuffer.wrap(bytes)
                while (buffer.hasRemaining()) channel.write(buffer)
                channel.force(true)
            }
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING)
            } catch (e: AtomicMoveNotSupportedException) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING)
            }
        }
    }
}
