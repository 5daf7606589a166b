package tj.migrantsguide.transport;

import java.io.IOException;
import java.time.Duration;

/**
 * The server took the connection but sent no response headers within the request's timeout: a server that hangs,
 * as opposed to a network that is not there (a plain {@link IOException}, which callers treat as "offline").
 */
public final class ResponseTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;

    private final Duration timeout;

    public ResponseTimeoutException(Duration timeout, Throwable cause) {
        super("no response within " + timeout.toMillis() + " ms", cause);
        this.timeout = timeout;
    }

    public Duration timeout() {
        return timeout;
    }
}
