package tj.migrantsguide.app.shell

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.time.Clock
import java.util.concurrent.atomic.AtomicBoolean

/**
 * The start-up benchmark's mark: with `-Dmigrantsguide.firstFrameFile=PATH`, the moment (wall time, ms since the
 * epoch) the first frame with content was drawn is written to PATH, once. Without the property it does nothing.
 */
class FirstFrameMark(private val file: Path?, private val clock: Clock = Clock.systemUTC()) {
    private val written = AtomicBoolean(false)

    fun reached() {
        if (file == null || !written.compareAndSet(false, true)) return
        try {
            file.toAbsolutePath().parent?.let { Files.createDirectories(it) }
            Files.writeString(file, clock.millis().toString() + "\n", StandardCharsets.UTF_8)
        } catch (e: java.io.IOException) {
            System.err.println("cannot write the first-frame mark to $file: ${e.message}")
        }
    }

    companion object {
        const val PROPERTY = "migrantsguide.firstFrameFile"

        fun fromSystemProperty(): FirstFrameMark = FirstFrameMark(System.getProperty(PROPERTY)?.takeIf { it.isNotBlank() }?.let(Path::of))
    }
}
