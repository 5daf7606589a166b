package tj.migrantsguide.transport;

import java.io.IOException;

/**
 * The only way shared code reaches the network. The app implements it with Ktor; tests and command-line tools
 * may use {@link JdkHttpTransport}.
 *
 * <p>Implementations must not follow redirects silently to another host, must not undo content encodings
 * (callers decide what to accept), and must throw {@link IOException} for anything that is not an HTTP
 * response (no route, refused, reset, timeout): callers treat that as "offline".
 */
@FunctionalInterface
public interface HttpTransport {
    HttpResponse send(HttpRequest request) throws IOException;
}
