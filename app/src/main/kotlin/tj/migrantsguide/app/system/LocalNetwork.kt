package tj.migrantsguide.app.system

import java.net.Inet4Address
import java.net.InetAddress
import java.net.NetworkInterface
import java.net.SocketException

/** This device's addresses on the local network, for sharing the guide with the devices around it. */
object LocalNetwork {
    /**
     * The address to share on: an IPv4 address of an interface that is up, not loopback and not virtual, private
     * ranges (192.168…, 10…, 172.16–31…) first, as a classroom's Wi-Fi or a phone's hotspot gives; null when there
     * is none (no network: the person connects one or chooses the address).
     */
    fun shareAddress(): InetAddress? = addresses().firstOrNull()

    /** Every such address, the likeliest first. */
    fun addresses(): List<InetAddress> {
        val interfaces = try {
            NetworkInterface.getNetworkInterfaces()?.toList().orEmpty()
        } catch (e: SocketException) {
            emptyList()
        }
        return interfaces
            .filter { runCatching { it.isUp && !it.isLoopback && !it.isVirtual && !it.isPointToPoint }.getOrDefault(false) }
            .flatMap { it.inetAddresses.toList() }
            .filterIsInstance<Inet4Address>()
            .filter { !it.isLoopbackAddress && !it.isLinkLocalAddress }
            .sortedBy { if (it.isSiteLocalAddress) 0 else 1 }
    }
}
