package tj.migrantsguide.app

import androidx.compose.ui.unit.DpSize
import androidx.compose.ui.unit.dp
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import java.io.PrintStream
import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.time.Clock
import kotlin.system.exitProcess
import tj.migrantsguide.app.sync.startSyncInBackground

/** A phone-shaped window: about 412 × 915 dp, resizable. */
val PhoneWindowSize = DpSize(412.dp, 915.dp)

fun openWindow(dataDirectory: Path) {
    val err = PrintStream(System.err, true, StandardCharsets.UTF_8)
    val guide = openGuide(dataDirectory, Clock.systemUTC(), err) ?: exitProcess(1)
    val sync = startSyncInBackground(guide, Clock.systemUTC())
    application {
        Window(
            onCloseRequest = {
                sync.close()
                guide.close()
                exitApplication()
            },
            title = "Migrant's Guide",
            state = rememberWindowState(size = PhoneWindowSize),
        ) {
            GuideTheme {
                HomeScreen(guide.store(), countryCode = "RU")
            }
        }
    }
}
