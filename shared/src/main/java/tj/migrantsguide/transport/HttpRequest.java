package tj.migrantsguide.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as shared code sees it. {@code timeout} bounds the whole exchange up to the response headers;
 * reading the body is bounded by the caller (size caps) and by the transport's read timeout.
 */
public record HttpRequest(String method, URI uri, Map<String, String> headers, byte[] body, Duration timeout) {
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = Map.copyOf(headers);
        body = body == null ? new byte[0] : body.clone();
        Objects.requireNonNull(timeout, "timeout");
    }

    public static HttpRequest get(URI uri, Map<String, String> headers, Duration timeout) {
        return new HttpRequest("GET", uri, headers, new byte[0], timeout);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
