package tj.migrantsguide.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;

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
        try {
            response = client.send(builder.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            // No connection at all: to the caller that is the same as no network.
            throw new ConnectException("connect timed out: " + request.uri().getHost());
        } catch (HttpTimeoutException e) {
            throw new ResponseTimeoutException(request.timeout(), e);
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
}
