package tj.migrantsguide.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** {@link HttpTransport} over the JDK's own client: for tests, benchmarks and command-line tools. */
public final class JdkHttpTransport implements HttpTransport {
    private final HttpClient client;

    public JdkHttpTransport(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public HttpResponse send(HttpRequest request) throws IOException {
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(request.uri())
                .timeout(request.timeout())
                .method(request.method(), request.body().length == 0
                        ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofByteArray(request.body()));
        request.headers().forEach(builder::header);
        java.net.http.HttpResponse<InputStream> response;
        AtomicReference<java.net.http.HttpResponse.ResponseInfo> headersSeen = new AtomicReference<>();
        try {
            response = client.send(builder.build(), info -> {
                headersSeen.set(info);
                return java.net.http.HttpResponse.BodySubscribers.ofInputStream();
            });
        } catch (HttpConnectTimeoutException e) {
            // No connection at all: to the caller that is the same as no network.
            throw new ConnectException("connect timed out: " + request.uri().getHost());
        } catch (HttpTimeoutException e) {
            throw new ResponseTimeoutException(request.timeout(), e);
        } catch (IOException e) {
            java.net.http.HttpResponse.ResponseInfo info = headersSeen.get();
            if (info == null) {
                throw e;
            }
            // The server answered, and the connection broke in the body before the client handed the response
            // over: a reset racing the headers (CutIndexTest; SyncUnderFaultsTest saw "offline" 2 times in 150).
            // The caller gets a body that fails at once, so a cut body is reported as cut, never as offline.
            return new BrokenBody(info, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            // The JDK client throws these for a response it cannot parse (a Content-Length that is not a number):
            // not an HTTP response, so an IOException as the HttpTransport contract says. Found by FaultServer
            // (SyncUnderFaultsTest, BAD_LENGTH): it escaped Sync.run as an exception.
            throw new IOException("not a valid HTTP response: " + e.getMessage(), e);
        }
        return new HttpResponse() {
            @Override
            public int status() {
                return response.statusCode();
            }

            @Override
            public Optional<String> header(String name) {
                return response.headers().firstValue(name);
            }

            @Override
            public InputStream body() {
                return response.body();
            }

            @Override
            public void close() throws IOException {
                response.body().close();
            }
        };
    }

    /** A response whose headers arrived and whose body broke before the client returned it. */
    private static final class BrokenBody implements HttpResponse {
        private final java.net.http.HttpResponse.ResponseInfo info;
        private final IOException cause;

        BrokenBody(java.net.http.HttpResponse.ResponseInfo info, IOException cause) {
            this.info = info;
            this.cause = cause;
        }

        @Override
        public int status() {
            return info.statusCode();
        }

        @Override
        public Optional<String> header(String name) {
            return info.headers().firstValue(name);
        }

        @Override
        public InputStream body() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    throw new IOException("the body broke: " + cause.getMessage(), cause);
                }
            };
        }

        @Override
        public void close() {}
    }
}
