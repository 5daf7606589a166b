package tj.migrantsguide.content.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One request and its response over Jetty's core API, with the few things every handler here needs. The handlers
 * are written blocking (they wait on the database), which Jetty's bounded pool allows; {@link #reply} completes the
 * exchange, and nothing may be written after it.
 */
final class ServerExchange {
    /** A body larger than the handler's limit: the handler answers 413 without reading the rest. */
    static final class BodyTooLarge extends Exception {
        private static final long serialVersionUID = 1L;

        private final long limit;

        BodyTooLarge(long limit) {
            super("body larger than " + limit + " bytes");
            this.limit = limit;
        }

        long limit() {
            return limit;
        }
    }

    /** A route of the reference server: {@code /v1/questions}, {@code /desk}, {@code /feed/}. */
    @FunctionalInterface
    interface Route {
        void handle(ServerExchange exchange) throws IOException;
    }

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final TrustedProxies proxies;
    private boolean replied;

    ServerExchange(Request request, Response response, Callback callback, TrustedProxies proxies) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.proxies = proxies;
    }

    String method() {
        return request.getMethod();
    }

    /** The path as sent, %-escapes kept (Jetty has already refused ambiguous ones such as {@code %2e%2e}). */
    String path() {
        return request.getHttpURI().getPath();
    }

    Optional<String> query() {
        return Optional.ofNullable(request.getHttpURI().getQuery());
    }

    Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    /** Over TLS here, or behind a proxy that ended TLS and says so. */
    boolean secure() {
        return request.isSecure() || "https".equalsIgnoreCase(request.getHeaders().get("X-Forwarded-Proto"));
    }

    /**
     * The client's address, what per-address limits count under: the connection's peer, or behind a trusted
     * proxy the address that proxy says it saw ({@link TrustedProxies}).
     */
    String remoteAddress() {
        return proxies.client(Request.getRemoteAddr(request), request.getHeaders().getValuesList("X-Forwarded-For"),
                header("X-Real-IP"));
    }

    /** Reads the body, refusing it as soon as it is known to be larger than {@code limit} bytes. */
    byte[] body(int limit) throws IOException, BodyTooLarge {
        long declared = request.getLength();
        if (declared > limit) {
            throw new BodyTooLarge(limit);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] body = in.readNBytes(limit + 1);
            if (body.length > limit) {
                throw new BodyTooLarge(limit);
            }
            return body;
        }
    }

    boolean replied() {
        return replied;
    }

    void reply(int status, String contentType, byte[] body, Map<String, String> headers) {
        replied = true;
        response.setStatus(status);
        headers.forEach((name, value) -> response.getHeaders().put(name, value));
        if (!contentType.isEmpty()) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        }
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        boolean noBody = body.length == 0 || status == 204 || status == 304;
        if (status != 204 && status != 304 && !headers.containsKey("Content-Length")) {
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        if (noBody || HttpMethod.HEAD.is(method())) {
            response.write(true, null, callback);
        } else {
            response.write(true, ByteBuffer.wrap(body), callback);
        }
    }

    /** The exchange could not be answered (the connection broke while reading): Jetty ends it. */
    void fail(Throwable cause) {
        replied = true;
        callback.failed(cause);
    }
}
