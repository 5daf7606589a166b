package tj.migrantsguide.content.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The proxies (nginx, a TLS terminator, a load balancer) whose word on a request's client address is taken. Behind
 * them every request comes from a proxy's address, so a per-address limit would hold everyone to one budget; from
 * anyone else {@code X-Forwarded-For} is whatever the client wrote, so it is never read. The client is the
 * right-most address in {@code X-Forwarded-For} that is not a trusted proxy: each proxy appends the address it
 * saw, so entries to the left of the first untrusted one are the client's own words.
 */
public record TrustedProxies(Set<InetAddress> addresses) {
    /** Trust nobody: the client is the connection's peer (a node facing the internet itself). */
    public static final TrustedProxies NONE = new TrustedProxies(Set.of());

    /** One entry of {@code --trusted-proxy} that is not an IP address (names are not resolved: no DNS here). */
    public static final class NotAnAddress extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String text;

        NotAnAddress(String text) {
            super("not an IP address: \"" + text + "\" (give addresses, e.g. 127.0.0.1,10.0.0.5)");
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    public TrustedProxies {
        addresses = Set.copyOf(addresses);
    }

    /** {@code ADDR[,ADDR…]}: IPv4 or IPv6 addresses, commas between. */
    public static TrustedProxies parse(String list) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (String part : list.split(",")) {
            String text = part.strip();
            addresses.add(literal(text).orElseThrow(() -> new NotAnAddress(text)));
        }
        return new TrustedProxies(addresses);
    }

    boolean trusts(String address) {
        return literal(address).map(addresses::contains).orElse(false);
    }

    /**
     * The client of a request whose connection came from {@code peer}: the peer itself unless it is trusted; then
     * the right-most untrusted entry of {@code X-Forwarded-For} (every header line, in order), else
     * {@code X-Real-IP}. An entry that is not an address stops the walk at the last proxy trusted (a garbled
     * header never makes up a new address to count under).
     */
    String client(String peer, List<String> forwardedFor, Optional<String> realIp) {
        if (!trusts(peer)) {
            return peer;
        }
        String nearest = peer;
        java.util.ArrayList<String> hops = new java.util.ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.strip());
                }
            }
        }
        if (hops.isEmpty()) {
            return realIp.flatMap(TrustedProxies::literal).map(InetAddress::getHostAddress).orElse(peer);
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                return nearest;
            }
            nearest = hop.get().getHostAddress();
            if (!addresses.contains(hop.get())) {
                return nearest;
            }
        }
        return nearest; // every hop a trusted proxy: the farthest one is as near the client as is known
    }

    /**
     * An IP address written out, without a DNS lookup: IPv4 as four numbers, IPv6 as hex digits and colons
     * (brackets allowed). {@link InetAddress#getByName} resolves names, so it only sees text that is a literal or
     * is refused for its colon.
     */
    static Optional<InetAddress> literal(String text) {
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        try {
            if (t.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
                byte[] bytes = new byte[4];
                String[] parts = t.split("\\.");
                for (int i = 0; i < 4; i++) {
                    int value = Integer.parseInt(parts[i]);
                    if (value > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) value;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (t.contains(":") && t.matches("[0-9A-Fa-f:.]+")) {
                return Optional.of(InetAddress.getByName(t));
            }
        } catch (UnknownHostException notALiteral) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
