package tj.migrantsguide.content.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tj.migrantsguide.questions.FieldProblem;
import tj.migrantsguide.questions.Question;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.questions.QuestionLimits;
import tj.migrantsguide.questions.QuestionRules;
import tj.migrantsguide.questions.Validation;

/**
 * The questions API (docs/questions-api.md): {@code POST /v1/questions}, {@code GET /v1/questions},
 * {@code DELETE /v1/questions/{id}}. Every request carries the device's bearer token; a token sees only its own
 * questions. Checks run cheapest first, and nothing is stored unless every check passed.
 */
final class InboxHandler implements ServerExchange.Route {
    static final String PATH = "/v1/questions";
    // 32 random bytes in base64url without padding, as the app makes them. Anything else is not a device token.
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final System.Logger LOG = System.getLogger(InboxHandler.class.getName());
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private final InboxStore store;
    private final RateLimiter submissions;
    private final RateLimiter reads;
    private final Clock clock;
    private final RandomGenerator random;

    InboxHandler(InboxStore store, RateLimiter submissions, RateLimiter reads, Clock clock, RandomGenerator random) {
        this.store = store;
        this.submissions = submissions;
        this.reads = reads;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void handle(ServerExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "questions API: " + exchange.method() + " " + exchange.path(), e);
            if (!exchange.replied()) {
                error(exchange, 500, "server_error", "The inbox could not do this now; try again later.",
                        Map.of("Retry-After", "30"));
            }
        }
    }

    private void route(ServerExchange exchange) throws IOException {
        String path = exchange.path();
        if (path.equals(PATH) || path.equals(PATH + "/")) {
            switch (exchange.method()) {
                case "POST" -> submit(exchange);
                case "GET" -> list(exchange);
                default -> error(exchange, 405, "method_not_allowed", "Use POST to ask or GET to read answers.",
                        Map.of("Allow", "GET, POST"));
            }
            return;
        }
        if (path.startsWith(PATH + "/")) {
            String id = path.substring(PATH.length() + 1);
            if (!exchange.method().equals("DELETE")) {
                error(exchange, 405, "method_not_allowed", "A question can only be deleted here.",
                        Map.of("Allow", "DELETE"));
                return;
            }
            delete(exchange, id);
            return;
        }
        error(exchange, 404, "not_found", "No such address; see docs/questions-api.md.", Map.of());
    }

    // ---- POST /v1/questions ----

    private void submit(ServerExchange exchange) throws IOException {
        Optional<String> tokenHash = authenticate(exchange);
        if (tokenHash.isEmpty() || limited(exchange, submissions, tokenHash.get())) {
            return;
        }
        if (!isJson(exchange.header("Content-Type"))) {
            error(exchange, 415, "unsupported_media_type", "Send the question as application/json in UTF-8.",
                    Map.of("Accept-Post", QuestionCodec.CONTENT_TYPE));
            return;
        }
        byte[] body;
        try {
            body = exchange.body(QuestionLimits.BODY_MAX_BYTES);
        } catch (ServerExchange.BodyTooLarge e) {
            error(exchange, 413, "body_too_large",
                    "The body is larger than " + QuestionLimits.BODY_MAX_BYTES + " bytes.", Map.of());
            return;
        }
        Optional<String> key = idempotencyKey(exchange.header("Idempotency-Key"));
        if (key.isEmpty()) {
            error(exchange, 400, exchange.header("Idempotency-Key").isEmpty() ? "missing_idempotency_key"
                    : "invalid_idempotency_key", "Send an Idempotency-Key header: 1 to 128 letters, digits or "
                    + ". _ : - (a random UUID), the same on every retry of the same question.", Map.of());
            return;
        }
        QuestionCodec.ReadSubmission read = QuestionCodec.readSubmission(body);
        if (read instanceof QuestionCodec.ReadSubmission.Rejected rejected) {
            error(exchange, 400, rejected.reason().code(), rejected.reason().message(), Map.of());
            return;
        }
        Validation validation = QuestionRules.check(((QuestionCodec.ReadSubmission.Read) read).draft());
        if (validation instanceof Validation.Invalid invalid) {
            reply(exchange, 400, QuestionCodec.writeError("invalid_question",
                    "The question does not meet the rules: " + summary(invalid.problems()), invalid.problems()),
                    Map.of());
            return;
        }
        // A token a supervisor marked abusive: refused on every node (the mark is in the database), and told so in
        // words. Checked before the claim, so nothing of its is stored; a resend of a question stored before the
        // mark is refused too (its device had its 201 then, or keeps the question in its outbox).
        Optional<DeskStore.AbusiveMark> mark = store.desk().abusiveMark(tokenHash.get());
        if (mark.isPresent()) {
            // The app shows this sentence as it is: in the language the person wrote the question in.
            Question question = ((Validation.Valid) validation).question();
            DeskText text = DeskText.of(DeskText.Language.fromCode(question.language().code())
                    .orElse(DeskText.Language.EN));
            error(exchange, 403, "device_blocked", text.format("inbox.deviceBlocked",
                    DAY.format(mark.get().markedAt())), Map.of());
            return;
        }
        Instant now = clock.instant();
        InboxStore.Claim claim = store.claim(tokenHash.get(), key.get(), sha256(body), now);
        if (claim instanceof InboxStore.Claim.Replay replay) {
            submissions.refund(tokenHash.get()); // a replay stores nothing: it costs the device none of its budget
            reply(exchange, replay.status(), replay.body(), Map.of("Idempotent-Replayed", "true"));
        } else if (claim instanceof InboxStore.Claim.InFlight inFlight) {
            // Nor does waiting for a copy in flight: after a server crash the app retries until the dead request's
            // lease ends, and each retry used to cost one of its ten submissions, then 6 minutes of 429 (issue 20).
            submissions.refund(tokenHash.get());
            error(exchange, 409, "request_in_progress", "The same question is being received right now; "
                    + "try again in a moment.", Map.of("Retry-After", Long.toString(retryAfter(inFlight, now))));
        } else if (claim instanceof InboxStore.Claim.KeyReusedWithOtherBody) {
            error(exchange, 422, "idempotency_key_reused", "This Idempotency-Key was already used for another "
                    + "question; a new question needs a new key.", Map.of());
        } else {
            byte[] receipt;
            try {
                receipt = store.storeQuestion(tokenHash.get(), key.get(), ((Validation.Valid) validation).question(),
                        newId(), now);
            } catch (RuntimeException e) {
                // Unclaimed, a retry is processed afresh; claimed forever, it would get 409 until the lease ends.
                store.release(tokenHash.get(), key.get());
                throw e;
            }
            reply(exchange, 201, receipt, Map.of());
        }
    }

    /**
     * A copy claimed a moment ago is most likely being stored right now: try again in a second. The older the
     * claim, the likelier its server died: wait as long as it has been waiting, never past the end of its lease,
     * so that a device tries about five times across a 30 s lease instead of thirty.
     */
    static long retryAfter(InboxStore.Claim.InFlight inFlight, Instant now) {
        long age = Duration.between(inFlight.claimedAt(), now).toSeconds();
        long untilFree = (Duration.between(now, inFlight.leaseEndsAt()).toMillis() + 999) / 1000;
        return Math.max(1, Math.min(age, untilFree));
    }

    private static String summary(List<FieldProblem> problems) {
        StringBuilder text = new StringBuilder();
        for (FieldProblem p : problems) {
            text.append(text.length() == 0 ? "" : " ").append(p.field().jsonName()).append(": ").append(p.message());
        }
        return text.toString();
    }

    /** {@code application/json}, with no charset or UTF-8 (JSON is UTF-8 on the wire, RFC 8259). */
    static boolean isJson(Optional<String> contentType) {
        if (contentType.isEmpty()) {
            return false;
        }
        String[] parts = contentType.get().split(";");
        if (!parts[0].trim().equalsIgnoreCase(QuestionCodec.MEDIA_TYPE)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The key as a structured-field string ({@code "…"}, as the IETF draft writes it) or bare. */
    static Optional<String> idempotencyKey(Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        return KEY.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- GET /v1/questions ----

    private void list(ServerExchange exchange) throws IOException {
        Optional<String> tokenHash = authenticate(exchange);
        if (tokenHash.isEmpty() || limited(exchange, reads, tokenHash.get())) {
            return;
        }
        reply(exchange, 200, QuestionCodec.writeQuestionList(store.questionsOf(tokenHash.get())), Map.of());
    }

    // ---- DELETE /v1/questions/{id} ----

    private void delete(ServerExchange exchange, String id) throws IOException {
        Optional<String> tokenHash = authenticate(exchange);
        if (tokenHash.isEmpty() || limited(exchange, reads, tokenHash.get())) {
            return;
        }
        // Another device's question gets the same 404 as a missing one: a token cannot learn what others asked.
        if (!ID.matcher(id).matches() || !store.delete(tokenHash.get(), id)) {
            error(exchange, 404, "not_found", "This device has no question with this id.", Map.of());
            return;
        }
        exchange.reply(204, "", new byte[0], NO_STORE);
    }

    // ---- shared steps ----

    /** The SHA-256 of the bearer token, or empty after answering 401. */
    private Optional<String> authenticate(ServerExchange exchange) throws IOException {
        Optional<String> header = exchange.header("Authorization");
        if (header.isPresent() && header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.get().substring(7).trim();
            if (TOKEN.matcher(token).matches()) {
                return Optional.of(sha256(token.getBytes(StandardCharsets.US_ASCII)));
            }
        }
        error(exchange, 401, "unauthorized", "Send the device's token: Authorization: Bearer <43 base64url "
                + "characters>.", Map.of("WWW-Authenticate", "Bearer realm=\"questions\""));
        return Optional.empty();
    }

    /** True after answering 429 when {@code key} has used up its requests. */
    private static boolean limited(ServerExchange exchange, RateLimiter limiter, String key) throws IOException {
        Optional<Duration> wait = limiter.acquire(key);
        if (wait.isEmpty()) {
            return false;
        }
        long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
        error(exchange, 429, "too_many_requests", String.format(Locale.ROOT,
                "Too many requests from this device; try again in %d seconds.", seconds),
                Map.of("Retry-After", Long.toString(seconds)));
        return true;
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ISO_LOCAL_DATE
            .withZone(java.time.ZoneOffset.UTC);

    private static void error(ServerExchange exchange, int status, String code, String message,
            Map<String, String> headers) throws IOException {
        reply(exchange, status, QuestionCodec.writeError(code, message, List.of()), headers);
    }

    private static void reply(ServerExchange exchange, int status, byte[] body, Map<String, String> headers)
            throws IOException {
        Map<String, String> all = new java.util.HashMap<>(NO_STORE);
        all.putAll(headers);
        exchange.reply(status, QuestionCodec.CONTENT_TYPE, body, all);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
