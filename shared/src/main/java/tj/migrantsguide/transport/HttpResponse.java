package tj.migrantsguide.transport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A response whose body is read as a stream, so that callers can cap its size and report progress.
 * Closing it releases the connection.
 */
public interface HttpResponse extends Closeable {
    int status();

    /** A response header by case-insensitive name; the first value when there are several. */
    Optional<String> header(String name);

    /** The body as sent, after transfer decoding; content encodings such as gzip are not undone here. */
    InputStream body() throws IOException;
}
