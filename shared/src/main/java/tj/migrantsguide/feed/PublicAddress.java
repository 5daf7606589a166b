package tj.migrantsguide.feed;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether an address built into the app (the feed, the questions server, the "get the app" link on slides, handouts
 * and QR codes) is one a migrant's phone can open from anywhere: a real {@code https} address, not a development
 * placeholder such as {@code http://127.0.0.1:8080/get-the-app}. The release check refuses a release with a
 * placeholder; a development build says on its slides and handouts that the link is one.
 */
public final class PublicAddress {
    private PublicAddress() {}

    /** Why {@code value} is not a public https address, in a few words; empty when it is one. */
    public static Optional<String> whyNot(String value) {
        if (value == null || value.isBlank() || value.contains("${")) {
            return Optional.of("not set");
        }
        if (value.contains("…") || value.contains("...")) {
            return Optional.of("a template, not an address");
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return Optional.of("not an address");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            return Optional.of("not https");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty()) {
            return Optional.of("no host");
        }
        if (host.equals("localhost") || host.endsWith(".localhost") || host.endsWith(".local")
                || host.endsWith(".test") || host.endsWith(".invalid") || host.endsWith(".example")
                || isOrUnder(host, "example.org") || isOrUnder(host, "example.com") || isOrUnder(host, "example.net")) {
            return Optional.of("a reserved example or local name");
        }
        if (isLiteralAddress(host)) {
            try {
                InetAddress address = InetAddress.getByName(host);
                if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                        || address.isAnyLocalAddress()) {
                    return Optional.of("a loopback or private network address");
                }
            } catch (IOException e) {
                return Optional.of("not an address");
            }
        }
        return Optional.empty();
    }

    /** True when {@code value} is a public https address. */
    public static boolean isPublic(String value) {
        return whyNot(value).isEmpty();
    }

    private static boolean isOrUnder(String host, String domain) {
        return host.equals(domain) || host.endsWith("." + domain);
    }

    private static boolean isLiteralAddress(String host) {
        // Only literal IPs are looked at (no DNS lookup): a name is judged by its form above.
        return host.startsWith("[") || host.chars().allMatch(c -> Character.isDigit(c) || c == '.');
    }
}
