package tj.migrantsguide.app.data

import java.io.IOException
import java.net.JarURLConnection
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardCopyOption
import java.util.zip.CRC32
import org.sqlite.util.LibraryLoaderUtil

/**
 * SQLite's native library, kept in the data folder instead of copied out of the jar at every start.
 *
 * sqlite-jdbc, left to itself, writes a new copy of its library (1.1 MB) to the temporary folder on every start,
 * reads it back to compare, and lists that folder to remove old copies: ~200 ms of a cold start on 2 cores, on the
 * thread the window waits for (docs/performance.md, "Start-up: less work before the first frame"). The driver first
 * loads from `org.sqlite.lib.path`/`org.sqlite.lib.name` when they name a file, so the guide keeps one copy in
 * `DATA/native/`, named after the library's CRC-32 and size in the jar (a new driver version is a new name), checks
 * the copy against that CRC at each start (a damaged copy is written again) and points the driver at it.
 *
 * Any problem (a read-only or full folder, classes not in a jar, properties already set) leaves the driver to do as
 * it always does: the guide then starts as before, only slower.
 */
object SqliteLibrary {
    const val FOLDER = "native"
    private const val PATH_PROPERTY = "org.sqlite.lib.path"
    private const val NAME_PROPERTY = "org.sqlite.lib.name"

    /** Points the driver at the kept copy (made first if needed); the copy's path, or null when the driver copies as before. */
    fun useKeptCopy(dataDirectory: Path): Path? {
        if (System.getProperty(PATH_PROPERTY) != null || System.getProperty(NAME_PROPERTY) != null) return null
        return try {
            val kept = keptCopy(dataDirectory) ?: return null
            System.setProperty(PATH_PROPERTY, kept.parent.toString())
            System.setProperty(NAME_PROPERTY, kept.fileName.toString())
            kept
        } catch (e: IOException) {
            System.err.println("SQLite's library is copied out of the jar for this start: ${e.message}")
            null
        }
    }

    /** The kept copy, made or made again when missing or damaged; null when the library is not read from a jar. */
    internal fun keptCopy(dataDirectory: Path): Path? {
        val resource = LibraryLoaderUtil.getNativeLibResourcePath().trimEnd('/') + "/" + LibraryLoaderUtil.getNativeLibName()
        val url = SqliteLibrary::class.java.getResource(resource) ?: return null
        val entry = (url.openConnection() as? JarURLConnection)?.jarEntry ?: return null
        if (entry.crc < 0 || entry.size < 0) return null
        val folder = dataDirectory.resolve(FOLDER)
        val kept = folder.resolve("sqlite-%08x-%d-%s".format(entry.crc, entry.size, LibraryLoaderUtil.getNativeLibName()))
        if (Files.isRegularFile(kept) && Files.size(kept) == entry.size && crcOf(Files.readAllBytes(kept)) == entry.crc) {
            return kept
        }
        Files.createDirectories(folder)
        val bytes = url.openStream().use { it.readAllBytes() }
        if (bytes.size.toLong() != entry.size || crcOf(bytes) != entry.crc) {
            throw IOException("the library read from the jar does not match its CRC")
        }
        // Written beside it and moved into place: a start killed half-way leaves no half library under the kept name.
        val partial = Files.createTempFile(folder, "sqlite-", ".partial")
        try {
            Files.write(partial, bytes)
            Files.move(partial, kept, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
        } finally {
            Files.deleteIfExists(partial)
        }
        return kept
    }

    private fun crcOf(bytes: ByteArray): Long = CRC32().apply { update(bytes) }.value
}
