package tj.migrantsguide.sync;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.transport.HttpRequest;
import tj.migrantsguide.transport.HttpResponse;
import tj.migrantsguide.transport.ResponseTimeoutException;

/**
 * Fetches one file of a feed over {@link tj.migrantsguide.transport.HttpTransport} and gives back its bytes only
 * if the response is what a feed host sends: status 200 (or 304 to a conditional index request), application/json,
 * no encoding or gzip, no more bytes than the cap (decompressed and on the wire), no early end, no hang.
 *
 * <p>Hangs are ended by a watchdog thread that closes the response: a transport's blocked read then returns or
 * throws, and the download reports which bound it crossed. Elapsed time is measured with the monotonic
 * {@link System#nanoTime()}: these are network timeouts, not dates, so they do not use the injected clock.
 */
final class Downloader implements AutoCloseable {
    static final String JSON = "application/json";

    private final FeedSource source;
    private final SyncLimits limits;
    private final ScheduledExecutorService watchdog;
    private final AtomicLong wireBytes = new AtomicLong();

    Downloader(FeedSource source) {
        this.source = source;
        this.limits = source.limits();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "feed-sync-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Bytes received from the network in this run (compressed, as they came). */
    long wireBytes() {
        return wireBytes.get();
    }

    /** The index, or empty when the server says it has not changed since {@code validators}. */
    record IndexResponse(Optional<byte[]> bytes, Optional<String> etag, Optional<String> lastModified) {}

    IndexResponse index(Optional<SyncFolder.IndexCache> validators, Progress progress) throws Stopped {
        Map<String, String> headers = new LinkedHashMap<>();
        validators.flatMap(SyncFolder.IndexCache::etag).ifPresent(v -> headers.put("If-None-Match", v));
        validators.flatMap(SyncFolder.IndexCache::lastModified).ifPresent(v -> headers.put("If-Modified-Since", v));
        String file = "index.json";
        Deadline deadline = Deadline.in(limits.deadline());
        HttpResponse response = send(file, source.indexUrl(), headers, deadline);
        try (response) {
            if (response.status() == 304 && !headers.isEmpty()) {
                return new IndexResponse(Optional.empty(), Optional.empty(), Optional.empty());
            }
            byte[] bytes = body(file, response, limits.maxIndexBytes(), -1, deadline, progress);
            return new IndexResponse(Optional.of(bytes), response.header("ETag"), response.header("Last-Modified"));
        } catch (IOException e) {
            // Only close() throws here, after the body was read; the body is what counts.
            throw Stopped.offline(String.valueOf(e.getMessage()));
        }
    }

    /**
     * A pack's bytes: at most {@code entry.size()}. A body that ends cleanly but short is returned as it is: the
     * caller's hash check tells a pack of another version (MIX_AND_MATCH) from a cut one (TRUNCATED).
     *
     * @param deadline when the packs of this run must all be in ({@link SyncLimits#deadlineFor} of their sizes)
     */
    byte[] pack(PackEntry entry, Progress progress, Deadline deadline) throws Stopped {
        String file = entry.file();
        HttpResponse response = send(file, source.fileUrl(file), Map.of(), deadline);
        try (response) {
            return body(file, response, entry.size(), entry.size(), deadline, progress);
        } catch (IOException e) {
            throw Stopped.offline(String.valueOf(e.getMessage()));
        }
    }

    private HttpResponse send(String file, URI uri, Map<String, String> extraHeaders, Deadline deadline)
            throws Stopped {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", JSON);
        // Asked for, so that a gzip answer is expected and capped; anything else is refused.
        headers.put("Accept-Encoding", "gzip");
        headers.putAll(extraHeaders);
        Duration left = deadline.left();
        if (left.isZero()) {
            throw Stopped.rejected(new Rejection.Timeout(file, Rejection.Timeout.Phase.DEADLINE, deadline.budget()));
        }
        boolean deadlineFirst = left.compareTo(limits.response()) < 0;
        try {
            return source.transport().send(HttpRequest.get(uri, headers, deadlineFirst ? left : limits.response()));
        } catch (ResponseTimeoutException e) {
            throw Stopped.rejected(deadlineFirst
                    ? new Rejection.Timeout(file, Rejection.Timeout.Phase.DEADLINE, deadline.budget())
                    : new Rejection.Timeout(file, Rejection.Timeout.Phase.NO_RESPONSE, limits.response()));
        } catch (FolderTransport.Refused e) {
            throw Stopped.rejected(e.rejection());
        } catch (IOException e) {
            throw Stopped.offline(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Reads the body, keeping at most {@code cap} bytes (one more means "too large").
     *
     * @param expected the size the caller knows from a signed index (for messages), or -1
     * @param deadline when the body must be in
     */
    private byte[] body(String file, HttpResponse response, long cap, long expected, Deadline deadline,
            Progress progress) throws Stopped {
        if (response.status() != 200) {
            throw Stopped.rejected(new Rejection.HttpError(file, response.status()));
        }
        boolean gzip = switch (response.header("Content-Encoding").map(v -> v.trim().toLowerCase(Locale.ROOT))
                .orElse("identity")) {
            case "identity", "" -> false;
            case "gzip", "x-gzip" -> true;
            default -> throw Stopped.rejected(new Rejection.UnsupportedEncoding(file,
                    response.header("Content-Encoding").orElse("")));
        };
        String contentType = response.header("Content-Type").orElse("(none)");
        if (!mediaType(contentType).equals(JSON)) {
            throw Stopped.rejected(new Rejection.WrongContentType(file, contentType));
        }
        long announced = response.header("Content-Length").map(Downloader::parseLength).orElse(-1L);
        // gzip may grow incompressible bytes a little (stored blocks); allow for that on the wire.
        long wireCap = gzip ? cap + cap / 64 + 1024 : cap;
        if (announced > wireCap) {
            throw Stopped.rejected(new Rejection.TooLarge(file, cap));
        }
        Watch watch = new Watch(response, deadline);
        long received = 0;
        try {
            InputStream wire = new WireCounter(response.body(), watch, wireCap);
            InputStream in = gzip ? new GZIPInputStream(wire, 8192) : wire;
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(expected, 0), 1 << 20) + 64);
            byte[] buffer = new byte[8192];
            while (true) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, cap + 1 - received));
                if (n < 0) {
                    break;
                }
                received += n;
                out.write(buffer, 0, n);
                progress.add(n);
                if (received > cap) {
                    throw Stopped.rejected(gzip ? new Rejection.CompressionBomb(file, cap) : new Rejection.TooLarge(file, cap));
                }
            }
            watch.checkNotFired(file);
            if (!gzip && announced >= 0 && received < announced) {
                throw Stopped.rejected(new Rejection.Truncated(file, received, expected >= 0 ? expected : announced));
            }
            return out.toByteArray();
        } catch (WireCapExceeded e) {
            // More bytes on the wire than the file may have even compressed: too large, whatever it inflates to.
            watch.checkNotFired(file);
            throw Stopped.rejected(new Rejection.TooLarge(file, cap));
        } catch (ZipException e) {
            watch.checkNotFired(file);
            throw Stopped.rejected(new Rejection.BadFormat(file, "not valid gzip: " + e.getMessage()));
        } catch (IOException e) {
            watch.checkNotFired(file);
            throw Stopped.rejected(new Rejection.Truncated(file, received, expected >= 0 ? expected : announced));
        } finally {
            watch.stop();
        }
    }

    static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    /**
     * A point on the monotonic clock by which a file (the index) or a group of files (this run's packs) must be
     * in, request and body together, so that one sync has a total bound whatever the server does.
     */
    record Deadline(long atNanos, Duration budget) {
        static Deadline in(Duration budget) {
            return new Deadline(System.nanoTime() + budget.toNanos(), budget);
        }

        Duration left() {
            long left = atNanos - System.nanoTime();
            return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
        }

        boolean passed(long nowNanos) {
            return nowNanos - atNanos > 0;
        }
    }

    /** Bytes done and total for the run, reported to the listener as they change. */
    static final class Progress {
        private final SyncProgress listener;
        private long done;
        private long total = -1;

        Progress(SyncProgress listener) {
            this.listener = listener;
        }

        void add(long bytes) {
            done += bytes;
            listener.onProgress(done, total);
        }

        /** Once the index is known: {@code remaining} more bytes will come. */
        void expect(long remaining) {
            total = done + remaining;
            listener.onProgress(done, total);
        }
    }

    private static final class WireCapExceeded extends IOException {
        private static final long serialVersionUID = 1L;

        WireCapExceeded() {
            super("over the cap", null);
        }
    }

    /** Counts bytes as they come off the network, for the watchdog, the cap and the run's byte count. */
    private final class WireCounter extends FilterInputStream {
        private final Watch watch;
        private final long cap;
        private long count;

        WireCounter(InputStream in, Watch watch, long cap) {
            super(in);
            this.watch = watch;
            this.cap = cap;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (count > cap) {
                throw new WireCapExceeded();
            }
            int n = super.read(b, off, (int) Math.min(len, cap + 1 - count));
            if (n > 0) {
                count += n;
                wireBytes.addAndGet(n);
                watch.received(n);
                if (count > cap) {
                    throw new WireCapExceeded();
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Through read(), so skipped bytes are counted and capped like the others.
            int read = read(new byte[(int) Math.max(0, Math.min(n, 8192))]);
            return Math.max(0, read);
        }
    }

    /** Ends a download that stalls or crawls, by closing its response from the watchdog thread. */
    private final class Watch {
        private final HttpResponse response;
        private final Deadline deadline;
        private final long start = System.nanoTime();
        private volatile long lastByte = start;
        private volatile long bytes;
        private volatile Rejection.Timeout fired;
        private final ScheduledFuture<?> task;

        Watch(HttpResponse response, Deadline deadline) {
            this.response = response;
            this.deadline = deadline;
            long tick = Math.max(10, Math.min(1000, Math.min(Math.min(limits.stall().toMillis(),
                    limits.slowGrace().toMillis()), deadline.budget().toMillis()) / 4));
            this.task = watchdog.scheduleAtFixedRate(this::check, tick, tick, TimeUnit.MILLISECONDS);
        }

        void received(int n) {
            bytes += n;
            lastByte = System.nanoTime();
        }

        private void check() {
            long now = System.nanoTime();
            if (deadline.passed(now)) {
                fire(Rejection.Timeout.Phase.DEADLINE, deadline.budget());
            } else if (now - lastByte > limits.stall().toNanos()) {
                fire(Rejection.Timeout.Phase.STALLED, limits.stall());
            } else if (now - start > limits.slowGrace().toNanos()
                    && bytes * 1_000_000_000.0 / (now - start) < limits.minimumBytesPerSecond()) {
                fire(Rejection.Timeout.Phase.TOO_SLOW, limits.slowGrace());
            }
        }

        private void fire(Rejection.Timeout.Phase phase, Duration limit) {
            if (fired != null) {
                return;
            }
            fired = new Rejection.Timeout("", phase, limit);
            task.cancel(false);
            try {
                response.close();
            } catch (IOException | RuntimeException e) {
                // Closing is how we stop the reader; if it complains, the reader still sees the fired flag.
            }
        }

        void checkNotFired(String file) throws Stopped {
            Rejection.Timeout timeout = fired;
            if (timeout != null) {
                throw Stopped.rejected(new Rejection.Timeout(file, timeout.phase(), timeout.limit()));
            }
        }

        void stop() {
            task.cancel(false);
        }
    }
}
