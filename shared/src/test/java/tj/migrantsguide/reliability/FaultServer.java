package tj.migrantsguide.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on a loopback port, written on a raw {@link ServerSocket} so that it can break the protocol the
 * way real networks and broken servers do: a reset in the middle of a body, a Content-Length that lies, headers that
 * never end, bytes that are not HTTP at all. The JDK's HttpServer cannot do these (it frames every response itself).
 *
 * <p>What a request gets is decided by a {@link Handler} (the honest answer) and by the {@link Fault} set for its path
 * (or for every path): the fault decides how the honest answer is mangled on the wire. Every connection is closed
 * after one exchange ({@code Connection: close}), so one fault never leaks into the next request.
 */
final class FaultServer implements AutoCloseable {
    /** Every way this server misbehaves; docs/reliability.md lists what the device does under each. */
    enum Fault {
        /** The body a byte every 100 ms, with an honest Content-Length: far too slow, never stalled. */
        SLOW_BYTES,
        /** Half the body, then a TCP reset (RST), as a mobile link dropping. */
        RESET_MID_BODY,
        /** Content-Length says the whole body; half is sent and the connection closed cleanly. */
        SHORT_BODY,
        /** Content-Length says half the body; all of it is sent (the client must stop at the length it was told). */
        LENGTH_TOO_SMALL,
        /** A Content-Length that is not a number. */
        BAD_LENGTH,
        /** 302 to the same address, forever. */
        REDIRECT_LOOP,
        /** 500 with an HTML page. */
        SERVER_ERROR,
        /** 503 with Retry-After, as a server under load. */
        UNAVAILABLE,
        /** 200 with a captive portal's HTML page instead of JSON. */
        WRONG_TYPE,
        /** Header lines without end (16 kB each, about a megabyte a second). */
        HUGE_HEADERS,
        /** The request is read and never answered. */
        NO_RESPONSE,
        /** Status and headers, then silence. */
        HEADERS_THEN_SILENCE,
        /** The connection is closed as soon as it is accepted. */
        CLOSE_AT_ONCE,
        /** Bytes that are not HTTP (another protocol on the port). */
        NOT_HTTP,
        /** A chunked body whose chunk size is not hexadecimal. */
        BROKEN_CHUNKS
    }

    /** A request as read off the wire. */
    record Request(String method, String path, Map<String, String> headers, byte[] body) {
        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** The honest answer to a request. */
    record Response(int status, Map<String, String> headers, byte[] body) {
        static Response json(int status, byte[] body) {
            return new Response(status, Map.of("Content-Type", "application/json"), body);
        }
    }

    @FunctionalInterface
    interface Handler {
        Response respond(Request request) throws IOException;
    }

    private static final byte[] PORTAL = """
            <!DOCTYPE html><html><head><title>Wi-Fi login</title></head>
            <body><h1>Welcome to the station Wi-Fi</h1><form method="post" action="/login">
            <input name="phone"><button>Log in</button></form></body></html>
            """.getBytes(StandardCharsets.UTF_8);

    private final ServerSocket socket;
    private final Handler handler;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fault-server");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Optional<Fault> everywhere = Optional.empty();

    private FaultServer(Handler handler) throws IOException {
        this.handler = handler;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    static FaultServer start(Handler handler) throws IOException {
        return new FaultServer(handler);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/");
    }

    /** From now on, requests for {@code path} (e.g. "/feed/index.json") get {@code fault}. */
    void fault(String path, Fault fault) {
        faults.put(path, fault);
    }

    /** From now on, every request gets {@code fault}. */
    void faultEverywhere(Fault fault) {
        everywhere = Optional.of(fault);
    }

    void heal() {
        faults.clear();
        everywhere = Optional.empty();
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        closed.countDown();
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        synchronized (open) {
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // The client may have gone already.
                }
            }
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                synchronized (open) {
                    open.add(client);
                }
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(10_000);
            Optional<Request> read = read(client.getInputStream());
            if (read.isEmpty()) {
                return;
            }
            Request request = read.get();
            requests.incrementAndGet();
            Fault fault = everywhere.orElse(faults.get(request.path()));
            if (fault == Fault.CLOSE_AT_ONCE) {
                return;
            }
            Response honest = handler.respond(request);
            write(client, request, honest, fault);
        } catch (IOException | InterruptedException e) {
            // The client hung up, or a fault cut the exchange short on purpose.
        } finally {
            synchronized (open) {
                open.remove(client);
            }
        }
    }

    private void write(Socket client, Request request, Response honest, Fault fault)
            throws IOException, InterruptedException {
        OutputStream out = client.getOutputStream();
        byte[] body = honest.body();
        if (fault == null) {
            head(out, honest.status(), honest.headers(), "Content-Length: " + body.length);
            out.write(body);
            out.flush();
            return;
        }
        switch (fault) {
            case SLOW_BYTES -> {
                head(out, honest.status(), honest.headers(), "Content-Length: " + body.length);
                for (byte b : body) {
                    out.write(b);
                    out.flush();
                    if (closed.await(100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            }
            case RESET_MID_BODY -> {
                head(out, honest.status(), honest.headers(), "Content-Length: " + body.length);
                out.write(body, 0, body.length / 2);
                out.flush();
                client.setSoLinger(true, 0); // close() now sends RST instead of FIN
            }
            case SHORT_BODY -> {
                head(out, honest.status(), honest.headers(), "Content-Length: " + body.length);
                out.write(body, 0, body.length / 2);
                out.flush();
            }
            case LENGTH_TOO_SMALL -> {
                head(out, honest.status(), honest.headers(), "Content-Length: " + body.length / 2);
                out.write(body);
                out.flush();
            }
            case BAD_LENGTH -> {
                head(out, honest.status(), honest.headers(), "Content-Length: about " + body.length);
                out.write(body);
                out.flush();
            }
            case REDIRECT_LOOP -> head(out, 302, Map.of("Location", request.path()), "Content-Length: 0");
            case SERVER_ERROR -> {
                head(out, 500, Map.of("Content-Type", "text/html"), "Content-Length: " + PORTAL.length);
                out.write(PORTAL);
            }
            case UNAVAILABLE -> head(out, 503, Map.of("Retry-After", "120"), "Content-Length: 0");
            case WRONG_TYPE -> {
                head(out, 200, Map.of("Content-Type", "text/html; charset=utf-8"), "Content-Length: " + PORTAL.length);
                out.write(PORTAL);
            }
            case HUGE_HEADERS -> {
                out.write(("HTTP/1.1 " + honest.status() + " OK\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] line = ("X-Filler: " + "x".repeat(16 * 1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                while (!closed.await(15, TimeUnit.MILLISECONDS)) {
                    out.write(line);
                    out.flush();
                }
            }
            case NO_RESPONSE -> closed.await(60, TimeUnit.SECONDS);
            case HEADERS_THEN_SILENCE -> {
                head(out, honest.status(), honest.headers(), "Content-Length: " + body.length);
                closed.await(60, TimeUnit.SECONDS);
            }
            case NOT_HTTP -> {
                out.write("SSH-2.0-OpenSSH_9.2\r\n\0\0\0\u0001garbage".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            case BROKEN_CHUNKS -> {
                head(out, honest.status(), honest.headers(), "Transfer-Encoding: chunked");
                out.write(("10\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body, 0, Math.min(16, body.length));
                out.write("\r\nzz-not-hex\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            case CLOSE_AT_ONCE -> throw new IllegalStateException("handled before the answer");
        }
        out.flush();
    }

    private static void head(OutputStream out, int status, Map<String, String> headers, String framing)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status))
                .append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append(framing).append("\r\nConnection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 204 -> "No Content";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** Request line, headers, and a body by Content-Length; empty when the client closed first. */
    private static Optional<Request> read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return Optional.empty();
            }
            if (++total > 64 * 1024) {
                throw new SocketException("request head too long");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (text.isEmpty()) {
                    break;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String[] requestLine = lines.get(0).split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header : lines.subList(1, lines.size())) {
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        String target = requestLine.length > 1 ? requestLine[1] : "/";
        int query = target.indexOf('?');
        return Optional.of(new Request(requestLine[0], query < 0 ? target : target.substring(0, query), headers, body));
    }
}
