package tj.migrantsguide.app.system

import java.awt.Desktop
import java.awt.GraphicsEnvironment
import java.awt.Toolkit
import java.awt.datatransfer.StringSelection
import java.net.URI
import tj.migrantsguide.guide.Phone

/** What the guide asks of the computer it runs on: place a call, copy a number, open a web page. */
interface DeviceActions {
    /** Hands `tel:` to the system; false when nothing on this computer can make the call (the screen then shows the number). */
    fun dial(phone: Phone): Boolean

    /** Puts [text] on the clipboard; false when there is no clipboard (a headless run). */
    fun copy(text: String): Boolean

    /** Opens an official page in the browser; false when that is not possible. */
    fun openWebsite(address: String): Boolean
}

/** [DeviceActions] through AWT. Linux desktops rarely have a `tel:` handler, so [dial] often returns false. */
class DesktopActions : DeviceActions {
    override fun dial(phone: Phone): Boolean {
        if (!phone.canDial()) return false
        return browse(URI("tel", phone.dial(), null))
    }

    override fun copy(text: String): Boolean {
        if (GraphicsEnvironment.isHeadless()) return false
        return try {
            Toolkit.getDefaultToolkit().systemClipboard.setContents(StringSelection(text), null)
            true
        } catch (e: IllegalStateException) {
            false // clipboard busy with another program
        }
    }

    override fun openWebsite(address: String): Boolean {
        val uri = try {
            URI(if (address.startsWith("http://") || address.startsWith("https://")) address else "https://$address")
        } catch (e: java.net.URISyntaxException) {
            return false
        }
        return browse(uri)
    }

    private fun browse(uri: URI): Boolean {
        if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()) return false
        val desktop = Desktop.getDesktop()
        if (!desktop.isSupported(Desktop.Action.BROWSE)) return false
        return try {
            desktop.browse(uri)
            true
        } catch (e: java.io.IOException) {
            false // no program for this kind of link
        } catch (e: UnsupportedOperationException) {
            false
        } catch (e: SecurityException) {
            false
        }
    }
}
