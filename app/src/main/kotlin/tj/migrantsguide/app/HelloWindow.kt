package tj.migrantsguide.app

import androidx.compose.material3.Text
import androidx.compose.runtime.LaunchedEffect
import androidx.compose.runtime.withFrameNanos
import androidx.compose.ui.window.Window
import androidx.compose.ui.window.application
import androidx.compose.ui.window.rememberWindowState
import tj.migrantsguide.app.shell.FirstFrameMark
import tj.migrantsguide.app.shell.PhoneWindowSize

/**
 * The start-up benchmark's baseline (`java -cp migrants-guide.jar tj.migrantsguide.app.HelloWindowKt`): a bare
 * Compose window with one Text, marking its first frame the same way as the guide ([FirstFrameMark]).
 */
fun main() {
    val mark = FirstFrameMark.fromSystemProperty()
    application {
        Window(onCloseRequest = ::exitApplication, title = "hello", state = rememberWindowState(size = PhoneWindowSize)) {
            Text("hello")
            LaunchedEffect(Unit) {
                withFrameNanos { }
                mark.reached()
            }
        }
    }
}
