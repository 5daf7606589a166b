package tj.migrantsguide.outbox;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.store.QuestionDeletion;
import tj.migrantsguide.store.QuestionStore;
import tj.migrantsguide.store.StoredQuestion;
import tj.migrantsguide.transport.HttpRequest;
import tj.migrantsguide.transport.HttpResponse;
import tj.migrantsguide.transport.HttpTransport;
import tj.migrantsguide.questions.Topic;
import tj.migrantsguide.questions.Validation;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.questions.QuestionDraft;
import tj.migrantsguide.questions.QuestionRules;
import tj.migrantsguide.questions.Question;
import tj.migrantsguide.questions.QuestionState;

/**
 * "Always in Touch" on the device: questions are saved first and sent when a connection exists; answers come back
 * on sync. Nothing the person wrote depends on the network being there when they press "send".
 *
 * <p>Each question gets a random idempotency key and its exact request body when it is saved; every attempt sends
 * the same key and the same bytes, so a resend after a lost acknowledgement or a killed app is answered by the
 * server with the question it already has (docs/questions-api.md). Network errors, 408, 409, 425, 429 and 5xx are
 * retried with growing waits (or what Retry-After asks); any other refusal fails the question with the server's
 * reason, and the person may try again ({@link #retry}).
 *
 * <p>Nothing here waits on its own: the app calls {@link #sync()} at start, when the network returns and at
 * {@link #nextAttemptAt()}; tests drive it with a fake clock.
 */
public final class Outbox {
    /** Bounds one request up to the response headers. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    static final int RECEIPT_MAX_BYTES = 64 * 1024;
    static final int LIST_MAX_BYTES = 1024 * 1024;
    /**
     * A question deleted on the device while a send may still have been on its way is looked for on the server
     * until this long after that send began; after that, not finding it means it never arrived.
     */
    static final Duration IN_FLIGHT_GRACE = REQUEST_TIMEOUT.multipliedBy(3);
    private static final Pattern SERVER_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final QuestionStore store;
    private final HttpTransport transport;
    private final Clock clock;
    private final RandomGenerator random;
    private final Object sending = new Object();
    private final Duration requestTimeout;

    /**
     * Ends a body that does not arrive: the transport bounds only the wait for the headers, so a server that sent
     * headers and then nothing (or a byte a second) would hold {@link #sync()} for ever. Found by FaultServer
     * (OutboxUnderFaultsTest: HEADERS_THEN_SILENCE, SLOW_BYTES). Closing the response ends a blocked read (the
     * {@link HttpTransport} contract); one daemon thread serves every outbox.
     */
    private static final ScheduledExecutorService BODY_DEADLINES = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outbox-body-deadline");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param random the source of idempotency keys, the device token and retry jitter; use a
     *     {@link SecureRandom} outside tests (the token is what proves the device's right to read its answers)
     */
    public Outbox(QuestionStore store, HttpTransport transport, Clock clock, RandomGenerator random) {
        this(store, transport, clock, random, REQUEST_TIMEOUT);
    }

    /**
     * @param requestTimeout bounds the wait for a response's headers and, again, the reading of its body
     *     ({@link #REQUEST_TIMEOUT} in the app; shorter in tests of servers that hang)
     */
    public Outbox(QuestionStore store, HttpTransport transport, Clock clock, RandomGenerator random,
            Duration requestTimeout) {
        this.store = store;
        this.transport = transport;
        this.clock = clock;
        this.random = random;
        this.requestTimeout = requestTimeout;
    }

    public Outbox(QuestionStore store, HttpTransport transport, Clock clock) {
        this(store, transport, clock, new SecureRandom());
    }

    /** Checks a draft without saving it (for showing problems under each field while the person types). */
    public static Validation check(QuestionDraft draft) {
        return QuestionRules.check(draft);
    }

    /**
     * Saves the question on the device, ready to be sent to {@code server} (the inbox's base address,
     * e.g. {@code https://inbox.example/}). Sends nothing: call {@link #sendDue()} or {@link #sync()} next.
     *
     * @throws IllegalArgumentException when {@code server} is not an absolute http(s) address (a setup mistake)
     */
    public SaveResult save(QuestionDraft draft, URI server) {
        URI base = serverBase(server);
        Validation validation = QuestionRules.check(draft);
        if (validation instanceof Validation.Invalid invalid) {
            return new SaveResult.Invalid(invalid.problems());
        }
        Question question = ((Validation.Valid) validation).question();
        Instant now = clock.instant();
        // The token exists before the first question does, so that no send ever has to create it.
        deviceToken(now);
        StoredQuestion stored = store.insert(new QuestionStore.NewQuestion(newIdempotencyKey(), base.toString(),
                question.topic().code(), question.country(), question.language().code(), question.message(),
                question.contact(), QuestionCodec.writeSubmission(question), now));
        return new SaveResult.Saved(toMyQuestion(stored));
    }

    /** Sends the waiting questions that are due now (their retry wait is over). */
    public SendReport sendDue() {
        synchronized (sending) {
            return send(store.due(clock.instant()));
        }
    }

    /** Sends every waiting question now, whatever its retry wait (the person asked to try now). */
    public SendReport sendNow() {
        synchronized (sending) {
            return send(store.waiting());
        }
    }

    /** Sends what is due, then reads answers and finishes deletions on every server this device used. */
    public SyncReport sync() {
        synchronized (sending) {
            SendReport sent = send(store.due(clock.instant()));
            return fetch(sent);
        }
    }

    /** Like {@link #sync()}, but sends every waiting question whatever its retry wait. */
    public SyncReport syncNow() {
        synchronized (sending) {
            SendReport sent = send(store.waiting());
            return fetch(sent);
        }
    }

    /** "My questions", newest first. */
    public List<MyQuestion> questions() {
        return store.all().stream().map(Outbox::toMyQuestion).toList();
    }

    public Optional<MyQuestion> question(long id) {
        return store.find(id).map(Outbox::toMyQuestion);
    }

    /** How many answers the person has not seen yet (the marker on "My questions"). */
    public int newAnswers() {
        return store.unseenAnswers();
    }

    /** The person opened the answer. Returns false when there was no unseen answer. */
    public boolean markAnswerSeen(long id) {
        return store.markAnswerSeen(id);
    }

    /**
     * Deletes the question from the device at once; if it may be on the server, the next sync asks the server to
     * delete it too. Returns false when there was no such question.
     */
    public boolean delete(long id) {
        return store.delete(id, clock.instant());
    }

    /** Puts a failed question back in the queue, due now, with its same key and body. */
    public boolean retry(long id) {
        return store.retry(id, clock.instant());
    }

    /**
     * The inbox moved (or the first address was wrong): questions the old one never acknowledged go to
     * {@code server} instead, due now. Questions already sent stay where they are, with their answers.
     * Returns how many were moved.
     */
    public int moveUnsentTo(URI server) {
        return store.readdressUnacknowledged(serverBase(server).toString(), clock.instant());
    }

    /** When the earliest waiting question is due; empty when nothing waits. */
    public Optional<Instant> nextAttemptAt() {
        return store.nextAttemptAt();
    }

    // ---- sending ----

    private record ServerStop(Instant next, String problem) {}

    private SendReport send(List<StoredQuestion> batch) {
        if (store.readOnly().isPresent()) {
            // What the server would say could not be kept: sending waits until the storage takes writes again.
            return new SendReport(0, 0, store.waiting().size(), store.nextAttemptAt(), List.of());
        }
        int sent = 0;
        int failed = 0;
        List<OutboxProblem> problems = new ArrayList<>();
        // A server that is unreachable or busy is not asked again in the same round; its other questions wait
        // for the same moment instead of each hitting the network.
        Map<String, ServerStop> stopped = new HashMap<>();
        String token = batch.isEmpty() ? "" : deviceToken(clock.instant());
        for (StoredQuestion question : batch) {
            ServerStop stop = stopped.get(question.server());
            if (stop != null) {
                store.reschedule(question.id(), stop.next(), stop.problem());
                continue;
            }
            Attempt attempt = sendOne(question, token);
            if (attempt instanceof Attempt.Sent) {
                sent++;
            } else if (attempt instanceof Attempt.Failed f) {
                failed++;
                problems.add(f.problem());
            } else if (attempt instanceof Attempt.Later later) {
                problems.add(later.problem());
                stopped.put(question.server(), new ServerStop(later.next(), later.problemText()));
            }
        }
        return new SendReport(sent, failed, store.waiting().size(), store.nextAttemptAt(), problems);
    }

    private sealed interface Attempt {
        record Sent() implements Attempt {}

        record Failed(OutboxProblem problem) implements Attempt {}

        record Later(Instant next, String problemText, OutboxProblem problem) implements Attempt {}
    }

    private Attempt sendOne(StoredQuestion question, String token) {
        Instant now = clock.instant();
        URI base = URI.create(question.server());
        // Counted before the request leaves: a crash during the request still counts as an attempt, which also
        // tells a later delete that the server may have the question.
        store.recordAttempt(question.id(), now);
        int attempt = question.attempts() + 1;
        HttpRequest request = new HttpRequest("POST", base.resolve("v1/questions"), Map.of(
                "Authorization", "Bearer " + token,
                // A structured-field string, as in the IETF Idempotency-Key draft; the server also takes it bare.
                "Idempotency-Key", "\"" + question.idempotencyKey() + "\"",
                "Content-Type", QuestionCodec.CONTENT_TYPE,
                "Accept", QuestionCodec.MEDIA_TYPE), question.body(), requestTimeout);
        Response response;
        try {
            response = exchange(request, RECEIPT_MAX_BYTES);
        } catch (IOException e) {
            Instant next = now.plus(RetryPolicy.afterFailure(attempt, random));
            store.reschedule(question.id(), next, "no connection");
            return new Attempt.Later(next, "no connection", new OutboxProblem.Offline(base, describe(e)));
        }
        int status = response.status();
        if (status >= 200 && status < 300) {
            Optional<QuestionCodec.Receipt> receipt = QuestionCodec.readReceipt(response.body());
            store.markSent(question.idempotencyKey(),
                    receipt.map(QuestionCodec.Receipt::id).filter(id -> SERVER_ID.matcher(id).matches()),
                    receipt.map(QuestionCodec.Receipt::receivedAt).orElse(now));
            return new Attempt.Sent();
        }
        if (RetryPolicy.isRetryable(status)) {
            Optional<Duration> retryAfter = RetryPolicy.retryAfter(response.retryAfter(), now);
            Instant next = now.plus(retryAfter.orElseGet(() -> RetryPolicy.afterFailure(attempt, random)));
            String text = "server busy (HTTP " + status + ")";
            store.reschedule(question.id(), next, text);
            return new Attempt.Later(next, text, new OutboxProblem.ServerBusy(base, status, retryAfter));
        }
        String reason = QuestionCodec.readErrorMessage(response.body())
                .orElse(status >= 300 && status < 400 ? "the server address has moved" : "HTTP " + status);
        store.markFailed(question.id(), status, reason);
        return new Attempt.Failed(new OutboxProblem.Refused(base, status, reason));
    }


    // ---- answers and deletions ----

    private SyncReport fetch(SendReport sending) {
        int newAnswers = 0;
        int deleted = 0;
        List<OutboxProblem> problems = new ArrayList<>();
        List<String> servers = store.servers();
        if (servers.isEmpty() || store.readOnly().isPresent()) {
            return SyncReport.of(sending, 0, 0, problems);
        }
        Instant now = clock.instant();
        String token = deviceToken(now);
        Map<String, StoredQuestion> local = new HashMap<>();
        for (StoredQuestion q : store.all()) {
            local.put(q.idempotencyKey(), q);
        }
        for (String server : servers) {
            URI base = URI.create(server);
            Optional<List<QuestionCodec.RemoteQuestion>> remote = list(base, token, problems);
            if (remote.isEmpty()) {
                continue;
            }
            Map<String, QuestionCodec.RemoteQuestion> byKey = new HashMap<>();
            for (QuestionCodec.RemoteQuestion r : remote.get()) {
                byKey.put(r.idempotencyKey(), r);
                StoredQuestion mine = local.get(r.idempotencyKey());
                if (mine != null && mine.server().equals(server) && differs(mine, r)
                        && store.recordRemote(r.idempotencyKey(), r.id(), r.receivedAt(),
                                r.answer().map(QuestionCodec.RemoteAnswer::text),
                                r.answer().map(QuestionCodec.RemoteAnswer::answeredAt))) {
                    newAnswers++;
                }
            }
            for (QuestionDeletion deletion : store.deletions()) {
                if (!deletion.server().equals(server)) {
                    continue;
                }
                QuestionCodec.RemoteQuestion there = byKey.get(deletion.idempotencyKey());
                if (there == null) {
                    boolean mayStillArrive = deletion.lastSendAttemptAt()
                            .map(at -> at.plus(IN_FLIGHT_GRACE).isAfter(now)).orElse(false);
                    if (!mayStillArrive) {
                        store.forgetDeletion(deletion.idempotencyKey());
                    }
                    continue;
                }
                if (deleteOnServer(base, token, there.id(), problems)) {
                    store.forgetDeletion(deletion.idempotencyKey());
                    deleted++;
                }
            }
        }
        return SyncReport.of(sending, newAnswers, deleted, problems);
    }

    private static boolean differs(StoredQuestion mine, QuestionCodec.RemoteQuestion remote) {
        boolean answerDiffers = remote.answer().isPresent()
                && !remote.answer().get().text().equals(mine.answer().orElse(null));
        return answerDiffers
                || !mine.serverId().equals(Optional.of(remote.id()))
                || mine.state().equals(QuestionStore.WAITING)
                || mine.state().equals(QuestionStore.FAILED);
    }

    private Optional<List<QuestionCodec.RemoteQuestion>> list(URI base, String token, List<OutboxProblem> problems) {
        HttpRequest request = HttpRequest.get(base.resolve("v1/questions"), Map.of(
                "Authorization", "Bearer " + token, "Accept", QuestionCodec.MEDIA_TYPE), requestTimeout);
        Response response;
        try {
            response = exchange(request, LIST_MAX_BYTES);
        } catch (IOException e) {
            problems.add(new OutboxProblem.Offline(base, describe(e)));
            return Optional.empty();
        }
        if (response.status() != 200) {
            problems.add(problemOf(base, response));
            return Optional.empty();
        }
        if (response.truncated()) {
            // A body cut off by the network (reset, stall) is not one that was too large: say which (FaultServer
            // showed the first reported as the second).
            problems.add(new OutboxProblem.BadResponse(base, 200, response.body().length >= LIST_MAX_BYTES
                    ? "list larger than " + LIST_MAX_BYTES + " bytes" : "the list was cut off before its end"));
            return Optional.empty();
        }
        Optional<List<QuestionCodec.RemoteQuestion>> list = QuestionCodec.readQuestionList(response.body());
        if (list.isEmpty()) {
            problems.add(new OutboxProblem.BadResponse(base, 200, "not a list of questions"));
            return Optional.empty();
        }
        return Optional.of(list.get().stream().filter(r -> SERVER_ID.matcher(r.id()).matches()).toList());
    }

    /** True when the question is gone from the server (deleted now, or already). */
    private boolean deleteOnServer(URI base, String token, String serverId, List<OutboxProblem> problems) {
        HttpRequest request = new HttpRequest("DELETE", base.resolve("v1/questions/" + serverId), Map.of(
                "Authorization", "Bearer " + token, "Accept", QuestionCodec.MEDIA_TYPE), new byte[0], requestTimeout);
        Response response;
        try {
            response = exchange(request, RECEIPT_MAX_BYTES);
        } catch (IOException e) {
            problems.add(new OutboxProblem.Offline(base, describe(e)));
            return false;
        }
        int status = response.status();
        if (status == 204 || status == 200 || status == 404) {
            return true;
        }
        problems.add(problemOf(base, response));
        // A refusal that retrying cannot change is given up: keeping it would fail at every sync forever.
        return !RetryPolicy.isRetryable(status);
    }

    private OutboxProblem problemOf(URI base, Response response) {
        int status = response.status();
        if (RetryPolicy.isRetryable(status)) {
            return new OutboxProblem.ServerBusy(base, status, RetryPolicy.retryAfter(response.retryAfter(), clock.instant()));
        }
        return new OutboxProblem.Refused(base, status,
                QuestionCodec.readErrorMessage(response.body()).orElse("HTTP " + status));
    }

    // ---- HTTP ----

    private record Response(int status, Optional<String> retryAfter, byte[] body, boolean truncated) {}

    /**
     * One exchange with the body read up to {@code maxBytes}. Once a status arrived, a body cut short does not
     * hide it: the status is what tells whether the server has the question.
     */
    private Response exchange(HttpRequest request, int maxBytes) throws IOException {
        try (HttpResponse response = transport.send(request)) {
            int status = response.status();
            Optional<String> retryAfter = response.header("Retry-After");
            byte[] body = new byte[0];
            boolean truncated = false;
            ScheduledFuture<?> deadline = BODY_DEADLINES.schedule(() -> closeQuietly(response),
                    requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
            try (InputStream in = response.body()) {
                byte[] read = in.readNBytes(maxBytes + 1);
                truncated = read.length > maxBytes;
                body = truncated ? java.util.Arrays.copyOf(read, maxBytes) : read;
            } catch (IOException e) {
                truncated = true;
            } finally {
                deadline.cancel(false);
            }
            return new Response(status, retryAfter, body, truncated);
        }
    }

    private static void closeQuietly(HttpResponse response) {
        try {
            response.close();
        } catch (IOException | RuntimeException e) {
            // Closing is only how the blocked read is ended; the reader sees a short body either way.
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    // ---- identity ----

    private String deviceToken(Instant now) {
        return store.deviceToken(this::newDeviceToken, now);
    }

    /** 32 random bytes, base64url: nothing in it says who the person is or which phone they use. */
    private String newDeviceToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A random (version 4) UUID drawn from the injected source. */
    private String newIdempotencyKey() {
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** The inbox's base address, ending in "/" so that "v1/questions" resolves below it. */
    static URI serverBase(URI server) {
        String scheme = server.getScheme();
        if (!server.isAbsolute() || scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || server.getHost() == null || server.getUserInfo() != null
                || server.getQuery() != null || server.getFragment() != null) {
            throw new IllegalArgumentException("the questions server must be an http(s) address like "
                    + "https://inbox.example/ (got " + server + ")");
        }
        String path = server.getPath() == null || server.getPath().isEmpty() ? "/" : server.getPath();
        if (!path.endsWith("/")) {
            path = path + "/";
        }
        try {
            return new URI(scheme.toLowerCase(java.util.Locale.ROOT), null, server.getHost(), server.getPort(), path,
                    null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the questions server address is not valid: " + server, e);
        }
    }

    // ---- mapping ----

    private static MyQuestion toMyQuestion(StoredQuestion s) {
        QuestionState state = switch (s.state()) {
            case QuestionStore.WAITING -> QuestionState.WAITING;
            case QuestionStore.SENT -> QuestionState.SENT;
            case QuestionStore.ANSWERED -> QuestionState.ANSWERED;
            case QuestionStore.FAILED -> QuestionState.FAILED;
            default -> throw new IllegalStateException("unknown question state " + s.state());
        };
        Optional<MyQuestion.Answer> answer = s.answer()
                .map(text -> new MyQuestion.Answer(text, s.answeredAt().orElse(s.createdAt())));
        Optional<MyQuestion.Failure> failure = state == QuestionState.FAILED
                ? Optional.of(new MyQuestion.Failure(s.failureStatus().orElse(0), s.failureReason().orElse("")))
                : Optional.empty();
        return new MyQuestion(
                s.id(),
                Topic.fromCode(s.topic()).orElseThrow(() -> new IllegalStateException("unknown topic " + s.topic())),
                s.country(),
                Language.fromCode(s.language()).orElseThrow(
                        () -> new IllegalStateException("unknown language " + s.language())),
                s.message(),
                s.contact(),
                state,
                s.createdAt(),
                s.attempts(),
                state == QuestionState.WAITING ? s.nextAttemptAt() : Optional.empty(),
                state == QuestionState.WAITING ? s.lastProblem() : Optional.empty(),
                s.sentAt(),
                answer,
                answer.isPresent() && !s.answerSeen(),
                failure);
    }
}
