package tj.migrantsguide.content.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** One request and its response, with the few things every handler here needs. */
final class ServerExchange {
    /** A body larger than the handler's limit: the handler answers 413 without reading the rest. */
    static final class BodyTooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        BodyTooLarge(long limit) {
            super("body larger than " + limit + " bytes");
        }
    }

    private final HttpExchange exchange;
    private boolean replied;

    ServerExchange(HttpExchange exchange) {
        this.exchange = exchange;
    }

    String method() {
        return exchange.getRequestMethod();
    }

    String path() {
        return exchange.getRequestURI().getRawPath();
    }

    Optional<String> query() {
        return Optional.ofNullable(exchange.getRequestURI().getRawQuery());
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
    }

    String remoteAddress() {
        return exchange.getRemoteAddress().getAddress().getHostAddress();
    }

    /** Reads the body, refusing it as soon as it is known to be larger than {@code limit} bytes. */
    byte[] body(int limit) throws IOException, BodyTooLarge {
        OptionalLong declared = declaredLength();
        if (declared.isPresent() && declared.getAsLong() > limit) {
            throw new BodyTooLarge(limit);
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new BodyTooLarge(limit);
            }
            return body;
        }
    }

    private OptionalLong declaredLength() {
        Optional<String> length = header("Content-Length");
        try {
            return length.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(length.get().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    boolean replied() {
        return replied;
    }

    void reply(int status, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        replied = true;
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (!contentType.isEmpty()) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean noBody = body.length == 0 || status == 204 || status == 304 || method().equals("HEAD");
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    void close() {
        exchange.close();
    }
}
