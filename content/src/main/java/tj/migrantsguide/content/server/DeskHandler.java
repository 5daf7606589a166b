package tj.migrantsguide.content.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import tj.migrantsguide.questions.FieldProblem;
import tj.migrantsguide.questions.QuestionLimits;
import tj.migrantsguide.questions.QuestionRules;
import tj.migrantsguide.questions.Topic;

/**
 * The Ministry's desk: a plain HTML page at {@code /desk} listing open questions by topic and country, with a form
 * under each to answer it. No script. Protected by HTTP Basic with the desk password; every form carries a token
 * that a page from another site cannot know, so a browser logged in to the desk cannot be made to answer for it.
 */
final class DeskHandler implements ServerExchange.Route {
    static final String PATH = "/desk";
    static final String USER = "desk";
    private static final int FORM_MAX_BYTES = 64 * 1024;
    private static final int ANSWERED_SHOWN = 20;
    /** Questions per page of the work queue; {@code size=} asks for up to {@link #PAGE_SIZE_MAX}. */
    static final int PAGE_SIZE = 50;
    static final int PAGE_SIZE_MAX = 500;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> PAGE_HEADERS = Map.of(
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");
    private static final Map<String, String> LANGUAGES = Map.of("tg", "Tajik", "ru", "Russian", "en", "English");

    private final InboxStore store;
    private final byte[] passwordHash;
    private final String formToken;
    private final RateLimiter failedLogins;
    private final Clock clock;

    DeskHandler(InboxStore store, String password, RateLimiter failedLogins, Clock clock, RandomGenerator random) {
        this.store = store;
        this.passwordHash = sha256(password);
        byte[] token = new byte[32];
        random.nextBytes(token);
        this.formToken = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        this.failedLogins = failedLogins;
        this.clock = clock;
    }

    @Override
    public void handle(ServerExchange exchange) throws IOException {
        try {
            if (!authorised(exchange)) {
                return;
            }
            String path = exchange.path();
            if ((path.equals(PATH) || path.equals(PATH + "/")) && isRead(exchange.method())) {
                page(exchange, form(exchange.query().orElse("")), Optional.empty(), 200);
            } else if (path.equals(PATH + "/answer") && exchange.method().equals("POST")) {
                answer(exchange);
            } else if (path.equals(PATH) || path.equals(PATH + "/") || path.equals(PATH + "/answer")) {
                exchange.reply(405, "text/plain; charset=utf-8", bytes("Method not allowed"),
                        Map.of("Allow", path.endsWith("/answer") ? "POST" : "GET"));
            } else {
                exchange.reply(404, "text/plain; charset=utf-8", bytes("Not found"), Map.of());
            }
        } catch (RuntimeException e) {
            System.getLogger(DeskHandler.class.getName()).log(System.Logger.Level.WARNING, "desk", e);
            if (!exchange.replied()) {
                exchange.reply(500, "text/plain; charset=utf-8", bytes("The desk could not do this: " + e.getMessage()),
                        Map.of());
            }
        }
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    private boolean authorised(ServerExchange exchange) throws IOException {
        Optional<String> header = exchange.header("Authorization");
        if (header.isPresent() && header.get().regionMatches(true, 0, "Basic ", 0, 6)) {
            // The lockout comes first: while an address is locked out, even the right password is refused, so
            // guessing gains nothing from going on (it used to be checked after the password, issue 20).
            Optional<Duration> locked = failedLogins.waitFor(exchange.remoteAddress());
            if (locked.isPresent()) {
                tooManyWrongPasswords(exchange, locked.get());
                return false;
            }
            try {
                String decoded = new String(Base64.getDecoder().decode(header.get().substring(6).trim()),
                        StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                // The name counts too: any other user name is as wrong as a wrong password.
                if (colon >= 0 && decoded.substring(0, colon).equals(USER)
                        && MessageDigest.isEqual(passwordHash, sha256(decoded.substring(colon + 1)))) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // Not base64: the same as a wrong password.
            }
            // Only wrong passwords count against the address: guessing is slowed, normal use is not.
            Optional<Duration> wait = failedLogins.acquire(exchange.remoteAddress());
            if (wait.isPresent()) {
                tooManyWrongPasswords(exchange, wait.get());
                return false;
            }
        }
        exchange.reply(401, "text/plain; charset=utf-8", bytes("The desk needs its password."),
                Map.of("WWW-Authenticate", "Basic realm=\"Migrant's Guide desk\", charset=\"UTF-8\""));
        return false;
    }

    private static void tooManyWrongPasswords(ServerExchange exchange, Duration wait) throws IOException {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        exchange.reply(429, "text/plain; charset=utf-8", bytes("Too many wrong passwords; wait " + seconds
                + " s. Until then even the right password is refused."),
                Map.of("Retry-After", Long.toString(seconds)));
    }

    // ---- answering ----

    private void answer(ServerExchange exchange) throws IOException {
        if (!sameOrigin(exchange)) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes("Answers can only be sent from the desk page."),
                    Map.of());
            return;
        }
        byte[] body;
        try {
            body = exchange.body(FORM_MAX_BYTES);
        } catch (ServerExchange.BodyTooLarge e) {
            page(exchange, Map.of(), Optional.of("The answer is too long."), 413);
            return;
        }
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(bytes(formToken), bytes(form.getOrDefault("form", "")))) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes("This form is out of date; reload the desk."),
                    Map.of());
            return;
        }
        String id = form.getOrDefault("id", "");
        String answer = QuestionRules.normaliseText(form.getOrDefault("answer", ""));
        Optional<FieldProblem> problem = QuestionRules.checkAnswer(answer);
        if (problem.isPresent()) {
            String text = problem.get() instanceof FieldProblem.Missing ? "Write an answer before sending."
                    : problem.get().message();
            page(exchange, Map.of(), Optional.of("Question " + id + ": " + text), 400);
            return;
        }
        if (!store.answer(id, answer, clock.instant())) {
            page(exchange, Map.of(), Optional.of("There is no question " + id + " (deleted by the person?)."), 404);
            return;
        }
        // Post/redirect/get: reloading the page does not send the answer twice.
        exchange.reply(303, "text/plain; charset=utf-8", bytes("Answered.\n"), Map.of("Location", PATH, "Cache-Control",
                "no-store"));
    }

    /** A browser says where a form came from; when it does, it must be this server. */
    private static boolean sameOrigin(ServerExchange exchange) {
        Optional<String> origin = exchange.header("Origin").or(() -> exchange.header("Referer"));
        Optional<String> host = exchange.header("Host");
        if (origin.isEmpty() || origin.get().equals("null")) {
            return origin.isEmpty();
        }
        return host.isPresent() && (origin.get().equals("http://" + host.get()) || origin.get().equals("https://"
                + host.get()) || origin.get().startsWith("http://" + host.get() + "/")
                || origin.get().startsWith("https://" + host.get() + "/"));
    }

    // ---- the page ----

    private void page(ServerExchange exchange, Map<String, String> filter, Optional<String> notice, int status)
            throws IOException {
        Optional<Topic> topicFilter = Topic.fromCode(filter.getOrDefault("topic", ""));
        Optional<String> countryFilter = Optional.of(filter.getOrDefault("country", "")).filter(c -> !c.isEmpty());
        Optional<InboxStore.QueuePosition> after = InboxStore.QueuePosition.parse(filter.getOrDefault("after", ""));
        int size = pageSize(filter.getOrDefault("size", ""));
        // Counted in the database, all of them; only one page of questions is read (there used to be a cap of
        // 10,000 read at once, and a flood hid the rest).
        InboxStore.OpenCounts counts = store.openCounts();
        InboxStore.QueuePage queue = store.openQueue(new InboxStore.QueueFilter(topicFilter, countryFilter), after,
                size);

        // Within the page: topic (in the app's order) → country → questions, oldest first.
        Map<Topic, TreeMap<String, List<InboxStore.DeskQuestion>>> grouped = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            grouped.put(topic, new TreeMap<>());
        }
        for (InboxStore.DeskQuestion q : queue.questions()) {
            grouped.get(q.topic()).computeIfAbsent(q.country(), c -> new java.util.ArrayList<>()).add(q);
        }
        long openTotal = counts.total();
        Map<Topic, Long> perTopic = new LinkedHashMap<>();
        for (Topic topic : Topic.values()) {
            perTopic.put(topic, counts.perTopic().getOrDefault(topic, 0L));
        }
        Map<String, Long> perCountry = new TreeMap<>(counts.perCountry());

        StringBuilder html = new StringBuilder(8192);
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Desk: Always in Touch</title>
                <style>
                body{font-family:"Noto Sans",system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;
                  line-height:1.45;color:#1b1b1f}
                h1{font-size:1.5rem} h2{font-size:1.25rem;margin-top:2rem;border-bottom:2px solid #ccc}
                h3{font-size:1.05rem;margin:1rem 0 .25rem}
                .q{border:1px solid #ccc;border-radius:.5rem;padding:.75rem;margin:.5rem 0}
                .meta{color:#555;font-size:.9rem} .msg{white-space:pre-wrap;margin:.5rem 0}
                .answer{white-space:pre-wrap;background:#eef6ee;padding:.5rem;border-radius:.25rem}
                .notice{background:#fff4e5;border:1px solid #e0a040;padding:.5rem;border-radius:.25rem}
                textarea{width:100%;min-height:5rem;font:inherit} nav a{margin-right:.75rem}
                </style></head><body>
                <h1>Always in Touch: questions to the Ministry</h1>
                """);
        notice.ifPresent(n -> html.append("<p class=\"notice\" role=\"alert\">").append(escape(n)).append("</p>\n"));
        html.append("<p>").append(openTotal).append(" open question").append(openTotal == 1 ? "" : "s")
                .append(". Answer in the language the person wrote in; the answer reaches only their phone.</p>\n");

        html.append("<nav aria-label=\"Filter by topic\"><strong>Topic:</strong> <a href=\"").append(PATH)
                .append("\">all</a>");
        for (Map.Entry<Topic, Long> e : perTopic.entrySet()) {
            if (e.getValue() > 0) {
                html.append("<a href=\"").append(PATH).append("?topic=").append(e.getKey().code()).append("\">")
                        .append(escape(topicName(e.getKey()))).append(" (").append(e.getValue()).append(")</a>");
            }
        }
        html.append("</nav>\n<nav aria-label=\"Filter by country\"><strong>Country:</strong> ");
        for (Map.Entry<String, Long> e : perCountry.entrySet()) {
            html.append("<a href=\"").append(PATH).append("?country=").append(escape(e.getKey())).append("\">")
                    .append(escape(e.getKey())).append(" (").append(e.getValue()).append(")</a>");
        }
        html.append("</nav>\n");

        for (Map.Entry<Topic, TreeMap<String, List<InboxStore.DeskQuestion>>> topic : grouped.entrySet()) {
            if (topic.getValue().isEmpty()) {
                continue;
            }
            html.append("<h2>").append(escape(topicName(topic.getKey()))).append("</h2>\n");
            for (Map.Entry<String, List<InboxStore.DeskQuestion>> country : topic.getValue().entrySet()) {
                html.append("<h3>").append(escape(country.getKey())).append("</h3>\n");
                for (InboxStore.DeskQuestion q : country.getValue()) {
                    question(html, q, true);
                }
            }
        }

        queue.next().ifPresent(next -> html.append("<nav aria-label=\"Pages\"><a rel=\"next\" href=\"").append(PATH)
                .append("?after=").append(escape(next.text())).append(topicFilter.map(t -> "&amp;topic=" + t.code())
                        .orElse("")).append(countryFilter.map(c -> "&amp;country=" + escape(URLEncoder.encode(c,
                        StandardCharsets.UTF_8))).orElse(""))
                .append(size == PAGE_SIZE ? "" : "&amp;size=" + size).append("\">Next ").append(size)
                .append(" older questions</a></nav>\n"));

        List<InboxStore.DeskQuestion> answered = store.recentlyAnswered(ANSWERED_SHOWN);
        if (!answered.isEmpty()) {
            html.append("<h2>Answered recently</h2>\n");
            for (InboxStore.DeskQuestion q : answered) {
                question(html, q, false);
            }
        }
        html.append("</body></html>\n");
        exchange.reply(status, "text/html; charset=utf-8", bytes(html.toString()), PAGE_HEADERS);
    }

    private void question(StringBuilder html, InboxStore.DeskQuestion q, boolean withForm) {
        html.append("<article class=\"q\" id=\"q-").append(escape(q.id())).append("\">\n<div class=\"meta\">")
                .append(escape(TIME.format(q.receivedAt()))).append(" · ").append(escape(topicName(q.topic())))
                .append(" · ").append(escape(q.country())).append(" · answer in <strong>")
                .append(escape(LANGUAGES.getOrDefault(q.language(), q.language()))).append("</strong>");
        q.contact().ifPresent(c -> html.append(" · may be contacted at <strong>").append(escape(c))
                .append("</strong>"));
        html.append("</div>\n<div class=\"msg\">").append(escape(q.message())).append("</div>\n");
        if (q.answer().isPresent()) {
            html.append("<div class=\"answer\">").append(escape(q.answer().get())).append("</div>\n");
            q.answeredAt().ifPresent(at -> html.append("<div class=\"meta\">answered ")
                    .append(escape(TIME.format(at))).append("</div>\n"));
        }
        if (withForm) {
            html.append("<form method=\"post\" action=\"").append(PATH).append("/answer\">")
                    .append("<input type=\"hidden\" name=\"id\" value=\"").append(escape(q.id())).append("\">")
                    .append("<input type=\"hidden\" name=\"form\" value=\"").append(escape(formToken)).append("\">")
                    .append("<label>Answer<br><textarea name=\"answer\" required maxlength=\"")
                    .append(QuestionLimits.ANSWER_MAX).append("\"></textarea></label><br>")
                    .append("<button type=\"submit\">Send answer</button></form>\n");
        }
        html.append("</article>\n");
    }

    private static int pageSize(String text) {
        try {
            return Math.max(1, Math.min(PAGE_SIZE_MAX, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return PAGE_SIZE;
        }
    }

    static String topicName(Topic topic) {
        return switch (topic) {
            case DOCUMENTS -> "Documents";
            case WORK_AND_PAY -> "Work and pay";
            case REGISTRATION -> "Registration";
            case HEALTH -> "Health";
            case FAMILY -> "Family";
            case RETURN -> "Return";
            case REPORT_A_PROBLEM -> "Reported problems";
        };
    }

    // ---- small pieces ----

    /** Text for HTML content and attribute values alike. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code a=1&b=2} (a query or a form body); the first value of each name. */
    static Map<String, String> form(String encoded) {
        Map<String, String> values = new HashMap<>();
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                values.putIfAbsent(name, value);
            } catch (IllegalArgumentException e) {
                // A broken %-escape: leave that pair out.
            }
        }
        return values;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes(text));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
