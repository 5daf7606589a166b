package tj.migrantsguide.transport;

import java.io.IOException;

/**
 * The only way shared code reaches the network. The app implements it with Ktor; tests and command-line tools
 * may use {@link JdkHttpTransport}.
 *
 * <p>Implementations must not follow redirects silently to another host, must not undo content encodings
 * (callers decide what to accept), and must throw {@link IOException} for anything that is not an HTTP
 * response (no route, refused, reset, connect timeout): callers treat that as "offline". When the connection
 * was made but no response headers arrived within {@link HttpRequest#timeout()}, they throw
 * {@link ResponseTimeoutException} instead (a server that hangs). Closing the {@link HttpResponse} from another
 * thread must make a read blocked on its body return or throw: that is how callers end a stalled download.
 */
@FunctionalInterface
public interface HttpTransport {
    HttpResponse send(HttpRequest request) throws IOException;
}
