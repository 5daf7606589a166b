package tj.migrantsguide.content.server;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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
    private static final int FORM_MAX_BYTES = 64 * 1024;
    private static final int ANSWERED_SHOWN = 20;
    /** Questions per page of the work queue; {@code size=} asks for up to {@link #PAGE_SIZE_MAX}. */
    static final int PAGE_SIZE = 50;
    static final int PAGE_SIZE_MAX = 500;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final Map<String, String> PAGE_HEADERS = Map.of(
            "Cache-Control", "no-store",
            "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                    + "frame-ancestors 'none'; base-uri 'none'",
            "X-Frame-Options", "DENY",
            // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on the desk's own form
            // posts, and the origin check refused every answer from a real browser (found by DeskBrowserTest).
            // Other sites still learn nothing: the referrer goes to this server only.
            "Referrer-Policy", "same-origin");

    /** The desk's forms; each one is sent with the session's CSRF token. */
    private static final java.util.Set<String> POSTS = java.util.Set.of(PATH + "/answer", PATH + "/claim",
            PATH + "/logout", PATH + "/fill", PATH + "/template", PATH + "/abusive", PATH + "/abusive-undo");
    private static final int TEMPLATE_TITLE_MAX = 100;

    static final String SESSION_COOKIE = "desk_session";
    static final String LANGUAGE_COOKIE = "desk_lang";
    static final String LOGIN_COOKIE = "desk_login";

    private final InboxStore store;
    private final DeskAccounts accounts;
    private final RateLimiter failedLogins;
    private final Clock clock;
    private final RandomGenerator random;
    private final DeskNumbersPage numbersPage;

    /** One entry of the audit log, by whoever did it ({@link DeskNumbersPage} writes through the handler's). */
    @FunctionalInterface
    interface Audit {
        void write(String operator, String action, Optional<String> questionId, String detail);
    }

    DeskHandler(InboxStore store, DeskAccounts accounts, RateLimiter failedLogins, Clock clock,
            RandomGenerator random) {
        this.store = store;
        this.accounts = accounts;
        this.failedLogins = failedLogins;
        this.clock = clock;
        this.random = random;
        this.numbersPage = new DeskNumbersPage(store, this::audit);
    }

    @Override
    public void handle(ServerExchange exchange) throws IOException {
        try {
            String path = exchange.path();
            String method = exchange.method();
            if (path.equals(PATH + "/login")) {
                if (isRead(method)) {
                    loginPage(exchange, Optional.empty(), 200);
                } else if (method.equals("POST")) {
                    login(exchange);
                } else {
                    notAllowed(exchange, "GET, POST");
                }
                return;
            }
            if (path.equals(PATH + "/language") && isRead(method)) {
                // A GET is safe here: it only sets which language this browser reads the desk in.
                DeskText.Language to = DeskText.Language.fromCode(form(exchange.query().orElse("")).getOrDefault(
                        "to", "")).orElse(DeskText.Language.EN);
                exchange.reply(303, "text/plain; charset=utf-8", bytes(to.code() + "\n"), Map.of("Location", PATH,
                        "Cache-Control", "no-store", "Set-Cookie", LANGUAGE_COOKIE + "=" + to.code() + "; Path=" + PATH
                                + "; Max-Age=31536000; SameSite=Lax" + (exchange.secure() ? "; Secure" : "")));
                return;
            }
            Optional<String> token = cookie(exchange, SESSION_COOKIE);
            Optional<DeskStore.Session> session = token.flatMap(t -> accounts.session(t, clock.instant()));
            if (session.isEmpty()) {
                if (isRead(method)) {
                    exchange.reply(303, "text/plain; charset=utf-8", bytes("Log in first.\n"),
                            Map.of("Location", PATH + "/login", "Cache-Control", "no-store"));
                } else {
                    exchange.reply(401, "text/plain; charset=utf-8", bytes(text(exchange).get("refused.logInFirst")),
                            Map.of());
                }
                return;
            }
            boolean queue = path.equals(PATH) || path.equals(PATH + "/");
            if (queue && isRead(method)) {
                page(exchange, session.get(), form(exchange.query().orElse("")), Optional.empty(), 200);
            } else if (path.equals(PATH + "/audit") && isRead(method)) {
                auditPage(exchange, session.get());
            } else if (path.equals(PATH + "/abusive") && isRead(method)) {
                abusivePage(exchange, session.get());
            } else if (path.equals(DeskNumbersPage.PATH) && isRead(method)) {
                numbersPage.show(exchange, session.get(), form(exchange.query().orElse("")));
            } else if (path.equals(PATH + "/templates") && isRead(method)) {
                templatesPage(exchange, session.get(), Optional.empty(), 200);
            } else if (method.equals("POST") && POSTS.contains(path)) {
                post(exchange, session.get(), token.get(), path.substring(PATH.length() + 1));
            } else if (queue || path.equals(PATH + "/audit") || path.equals(PATH + "/templates")
                    || path.equals(DeskNumbersPage.PATH)) {
                notAllowed(exchange, "GET");
            } else if (POSTS.contains(path)) {
                notAllowed(exchange, "POST");
            } else {
                exchange.reply(404, "text/plain; charset=utf-8", bytes(text(exchange).get("refused.notFound")),
                        Map.of());
            }
        } catch (RuntimeException e) {
            System.getLogger(DeskHandler.class.getName()).log(System.Logger.Level.WARNING, "desk", e);
            if (!exchange.replied()) {
                exchange.reply(500, "text/plain; charset=utf-8", bytes(text(exchange).format("refused.error",
                        e.getMessage())), Map.of());
            }
        }
    }

    private static void notAllowed(ServerExchange exchange, String allow) {
        exchange.reply(405, "text/plain; charset=utf-8", bytes(text(exchange).get("refused.method")),
                Map.of("Allow", allow));
    }

    private static boolean isRead(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    // ---- logging in ----

    /**
     * The login form. Its CSRF token is a double-submit pair: a random value in a cookie of its own and the same
     * in the form; another site can make the browser send the cookie but cannot read it to fill the form.
     */
    private void loginPage(ServerExchange exchange, Optional<String> notice, int status) {
        loginPage(exchange, notice, status, Map.of());
    }

    private void loginPage(ServerExchange exchange, Optional<String> notice, int status,
            Map<String, String> extraHeaders) {
        String token = accounts.token();
        StringBuilder html = new StringBuilder(2048);
        DeskText t = text(exchange);
        head(html, t.get("title.login"), t);
        notice.ifPresent(n -> html.append("<p class=\"notice\" role=\"alert\">").append(escape(n)).append("</p>\n"));
        html.append("<form method=\"post\" action=\"").append(PATH).append("/login\">")
                .append("<input type=\"hidden\" name=\"form\" value=\"").append(token).append("\">")
                .append("<p><label>").append(escape(t.get("login.name"))).append("<br><input name=\"name\" autocomplete=\"username\" required autofocus>")
                .append("</label></p><p><label>").append(escape(t.get("login.password"))).append("<br><input name=\"password\" type=\"password\" ")
                .append("autocomplete=\"current-password\" required></label></p>")
                .append("<p><button type=\"submit\">").append(escape(t.get("login.submit")))
                .append("</button></p></form>\n</body></html>\n");
        Map<String, String> headers = new HashMap<>(PAGE_HEADERS);
        headers.putAll(extraHeaders);
        headers.put("Set-Cookie", cookieHeader(exchange, LOGIN_COOKIE, token, DeskAccounts.Security.standard()
                .lockout()));
        exchange.reply(status, "text/html; charset=utf-8", bytes(html.toString()), headers);
    }

    private void login(ServerExchange exchange) throws IOException {
        Map<String, String> form;
        try {
            form = form(new String(exchange.body(FORM_MAX_BYTES), StandardCharsets.UTF_8));
        } catch (ServerExchange.BodyTooLarge e) {
            exchange.reply(413, "text/plain; charset=utf-8", bytes(text(exchange).get("login.tooLong")), Map.of());
            return;
        }
        Optional<String> pair = cookie(exchange, LOGIN_COOKIE);
        if (!sameOrigin(exchange) || pair.isEmpty() || !MessageDigest.isEqual(bytes(pair.get()),
                bytes(form.getOrDefault("form", "")))) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes(text(exchange).get("login.formOutOfDate")),
                    Map.of());
            return;
        }
        // The lockouts come first: while an address or a name is locked out, even the right password is refused,
        // so guessing gains nothing from going on (the old desk checked the password first, issue 20).
        String name = form.getOrDefault("name", "").trim();
        Instant now = clock.instant();
        // The name's lock (in the database, 15 minutes) is named first when both hold: it is the longer wait.
        Optional<Instant> nameLocked = accounts.lockedUntil(name, now);
        Optional<Duration> addressWait = failedLogins.waitFor(exchange.remoteAddress());
        if (nameLocked.isEmpty() && addressWait.isPresent()) {
            tooManyWrongPasswords(exchange, addressWait.get());
            return;
        }
        DeskAccounts.Login login = accounts.login(name, form.getOrDefault("password", ""), now);
        if (login instanceof DeskAccounts.Login.LockedOut locked) {
            audit(name, "login-locked", Optional.empty(), exchange.remoteAddress());
            tooManyWrongPasswords(exchange, Duration.between(now, locked.until()));
        } else if (login instanceof DeskAccounts.Login.LoggedIn in) {
            audit(in.operator(), "login", Optional.empty(), exchange.remoteAddress());
            exchange.reply(303, "text/plain; charset=utf-8", bytes("Logged in.\n"), Map.of("Location", PATH,
                    "Cache-Control", "no-store", "Set-Cookie", cookieHeader(exchange, SESSION_COOKIE,
                            in.sessionToken(), accounts.security().sessionLength())));
        } else {
            failedLogins.acquire(exchange.remoteAddress());
            audit(name.matches("[a-z0-9._-]{1,64}") ? name : "?", "login-refused", Optional.empty(),
                    exchange.remoteAddress());
            loginPage(exchange, Optional.of(text(exchange).get("login.wrong")), 401);
        }
    }

    /** The login page again, with the wait in words and in {@code Retry-After}. */
    private void tooManyWrongPasswords(ServerExchange exchange, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        loginPage(exchange, Optional.of(text(exchange).format("login.locked", seconds,
                TIME.format(clock.instant().plusSeconds(seconds)))), 429,
                Map.of("Retry-After", Long.toString(seconds)));
    }

    /** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure behind TLS. */
    private static String cookieHeader(ServerExchange exchange, String name, String value, Duration maxAge) {
        return name + "=" + value + "; Path=" + PATH + "; Max-Age=" + maxAge.toSeconds() + "; HttpOnly; "
                + "SameSite=Strict" + (exchange.secure() ? "; Secure" : "");
    }

    /** The language this browser chose at the desk (cookie {@code desk_lang}), English when it chose none. */
    static DeskText text(ServerExchange exchange) {
        for (String part : exchange.header("Cookie").orElse("").split(";")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals(LANGUAGE_COOKIE)) {
                return DeskText.of(DeskText.Language.fromCode(pair[1]).orElse(DeskText.Language.EN));
            }
        }
        return DeskText.of(DeskText.Language.EN);
    }

    private static Optional<String> cookie(ServerExchange exchange, String name) {
        for (String part : exchange.header("Cookie").orElse("").split(";")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals(name) && pair[1].matches("[A-Za-z0-9_-]{43}")) {
                return Optional.of(pair[1]);
            }
        }
        return Optional.empty();
    }

    private void audit(String operator, String action, Optional<String> questionId, String detail) {
        store.desk().audit(accounts.token().substring(0, 22), clock.instant(), operator, action, questionId, detail);
    }

    // ---- forms of a logged-in operator: answer, claim, log out ----

    private void post(ServerExchange exchange, DeskStore.Session session, String sessionToken, String action)
            throws IOException {
        if (!sameOrigin(exchange)) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes(text(exchange).get("refused.origin")), Map.of());
            return;
        }
        byte[] body;
        try {
            body = exchange.body(FORM_MAX_BYTES);
        } catch (ServerExchange.BodyTooLarge e) {
            page(exchange, session, Map.of(), Optional.of(text(exchange).get("answer.bodyTooLong")), 413);
            return;
        }
        Map<String, String> form = form(new String(body, StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(bytes(session.csrf()), bytes(form.getOrDefault("form", "")))) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes(text(exchange).get("refused.csrf")), Map.of());
            return;
        }
        String id = form.getOrDefault("id", "");
        switch (action) {
            case "logout" -> {
                accounts.logout(sessionToken);
                audit(session.operator(), "logout", Optional.empty(), "");
                exchange.reply(303, "text/plain; charset=utf-8", bytes("Logged out.\n"), Map.of("Location",
                        PATH + "/login", "Set-Cookie", SESSION_COOKIE + "=; Path=" + PATH + "; Max-Age=0"));
            }
            case "claim" -> {
                InboxStore.DeskClaim claim = store.claimQuestion(id, session.operator(), clock.instant());
                if (claim instanceof InboxStore.DeskClaim.Held) {
                    audit(session.operator(), "claim", Optional.of(id), "");
                    exchange.reply(303, "text/plain; charset=utf-8", bytes("Claimed.\n"), Map.of("Location",
                            PATH + "#q-" + id, "Cache-Control", "no-store"));
                } else if (claim instanceof InboxStore.DeskClaim.HeldByAnother other) {
                    page(exchange, session, Map.of(), Optional.of(text(exchange).format("claim.heldByAnother", id,
                            other.operator(), TIME.format(other.until()))), 409);
                } else {
                    page(exchange, session, Map.of(), Optional.of(text(exchange).format("claim.gone", id)), 409);
                }
            }
            case "fill" -> fill(exchange, session, id, form.getOrDefault("template", ""));
            case "template" -> saveTemplate(exchange, session, form);
            case "abusive", "abusive-undo" -> markAbusive(exchange, session, id, action.equals("abusive"));
            default -> answer(exchange, session, id, form);
        }
    }

    // ---- abusive tokens (supervisors) ----

    /** Marks the sender of question {@code id} as abusive, or undoes that; the device is never named, only its hash. */
    private void markAbusive(ServerExchange exchange, DeskStore.Session session, String id, boolean mark)
            throws IOException {
        if (session.role() != DeskStore.Role.SUPERVISOR) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes(text(exchange).get("abusive.supervisorsOnly")),
                    Map.of());
            return;
        }
        boolean done = mark ? store.desk().markAbusive(id, session.operator(), clock.instant())
                : store.desk().unmarkAbusive(id);
        if (!done) {
            page(exchange, session, Map.of(), Optional.of(text(exchange).format(mark ? "question.missing"
                    : "abusive.notMarked", id)), 404);
            return;
        }
        audit(session.operator(), mark ? "mark-abusive" : "unmark-abusive", Optional.of(id), "");
        exchange.reply(303, "text/plain; charset=utf-8", bytes("Done.\n"), Map.of("Location", PATH + "/abusive",
                "Cache-Control", "no-store"));
    }

    private void abusivePage(ServerExchange exchange, DeskStore.Session session) {
        if (session.role() != DeskStore.Role.SUPERVISOR) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes(text(exchange).get("abusive.supervisorsOnly")),
                    Map.of());
            return;
        }
        StringBuilder html = new StringBuilder(4096);
        DeskText t = text(exchange);
        head(html, t.get("title.abusive"), t);
        html.append("<p><a href=\"").append(PATH).append("\">").append(escape(t.get("nav.back")))
                .append("</a></p>\n<h2>").append(escape(t.get("abusive.heading"))).append("</h2>\n<p>")
                .append(escape(t.get("abusive.explain"))).append("</p>\n<table><thead><tr><th>")
                .append(escape(t.get("abusive.question"))).append("</th><th>").append(escape(t.get("abusive.by")))
                .append("</th><th>").append(escape(t.get("abusive.when"))).append("</th><th></th></tr></thead>")
                .append("<tbody>\n");
        for (DeskStore.AbusiveMark m : store.desk().abusiveMarks()) {
            html.append("<tr><td>").append(escape(m.questionId())).append("</td><td>").append(escape(m.markedBy()))
                    .append("</td><td class=\"when\">").append(escape(TIME.format(m.markedAt())))
                    .append("</td><td><form method=")
                    .append("\"post\" action=\"").append(PATH).append("/abusive-undo\"><input type=\"hidden\" ")
                    .append("name=\"id\" value=\"").append(escape(m.questionId())).append("\"><input type=\"hidden\" ")
                    .append("name=\"form\" value=\"").append(escape(session.csrf())).append("\"><button type=")
                    .append("\"submit\">").append(escape(t.get("abusive.undo"))).append("</button></form></td></tr>\n");
        }
        html.append("</tbody></table>\n</body></html>\n");
        exchange.reply(200, "text/html; charset=utf-8", bytes(html.toString()), PAGE_HEADERS);
    }

    // ---- answer templates ----

    /**
     * Fills question {@code id}'s answer box with one of its topic's templates: a page with that question alone,
     * the text in the box to edit before sending. A POST (not a link) so that it carries the CSRF token and is
     * audited like every other step; nothing is sent to the person until "Send answer".
     */
    private void fill(ServerExchange exchange, DeskStore.Session session, String id, String templateId)
            throws IOException {
        Optional<InboxStore.DeskQuestion> question = store.deskQuestion(id);
        Optional<DeskStore.AnswerTemplate> template = store.desk().template(templateId);
        if (question.isEmpty()) {
            page(exchange, session, Map.of(), Optional.of(text(exchange).format("question.deleted", id)), 404);
            return;
        }
        if (template.isEmpty() || template.get().topic() != question.get().topic()) {
            page(exchange, session, Map.of(), Optional.of(text(exchange).format("fill.noTemplate", id,
                    text(exchange).topic(question.get().topic()))), 400);
            return;
        }
        audit(session.operator(), "fill-template", Optional.of(id), template.get().id() + " ("
                + template.get().title() + ")");
        StringBuilder html = new StringBuilder(4096);
        DeskText t = text(exchange);
        head(html, t.get("title.fill"), t);
        html.append("<p><a href=\"").append(PATH).append("\">").append(escape(t.get("nav.back")))
                .append("</a></p>\n<p class=\"notice\" role=\"status\">")
                .append(strong(t.get("fill.filled"), template.get().title())).append("</p>\n");
        question(html, question.get(), Optional.of(session), store.desk().templates(),
                Optional.of(template.get().body()), t);
        html.append("</body></html>\n");
        exchange.reply(200, "text/html; charset=utf-8", bytes(html.toString()), PAGE_HEADERS);
    }

    /** A supervisor adds a template (no {@code template} id in the form) or edits one (its id). */
    private void saveTemplate(ServerExchange exchange, DeskStore.Session session, Map<String, String> form) {
        if (session.role() != DeskStore.Role.SUPERVISOR) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes(text(exchange).get("templates.supervisorsOnly")),
                    Map.of());
            return;
        }
        Optional<Topic> topic = Topic.fromCode(form.getOrDefault("topic", ""));
        String title = QuestionRules.normaliseText(form.getOrDefault("title", "")).strip();
        String body = QuestionRules.normaliseText(form.getOrDefault("body", ""));
        Optional<FieldProblem> problem = QuestionRules.checkAnswer(body);
        DeskText t = text(exchange);
        String notice = topic.isEmpty() ? t.get("templates.chooseTopic")
                : title.isEmpty() || title.length() > TEMPLATE_TITLE_MAX
                        ? t.format("templates.titleLength", TEMPLATE_TITLE_MAX)
                        : problem.map(p -> p instanceof FieldProblem.Missing ? t.get("templates.missingText")
                                : problemText(p, t)).orElse("");
        if (!notice.isEmpty()) {
            templatesPage(exchange, session, Optional.of(notice), 400);
            return;
        }
        String given = form.getOrDefault("template", "");
        boolean edit = given.matches("[A-Za-z0-9_-]{1,32}") && store.desk().template(given).isPresent();
        String id = edit ? given : accounts.token().substring(0, 22);
        store.desk().saveTemplate(new DeskStore.AnswerTemplate(id, topic.get(), title, body, session.operator(),
                clock.instant()));
        audit(session.operator(), edit ? "template-edit" : "template-add", Optional.empty(), id
                + " (" + topic.get().code() + ": " + title + ")");
        exchange.reply(303, "text/plain; charset=utf-8", bytes("Saved.\n"), Map.of("Location", PATH + "/templates#t-"
                + id, "Cache-Control", "no-store"));
    }

    /** Supervisors: every template with a form to edit it, and one to add a new one. */
    private void templatesPage(ServerExchange exchange, DeskStore.Session session, Optional<String> notice,
            int status) {
        if (session.role() != DeskStore.Role.SUPERVISOR) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes(text(exchange).get("templates.supervisorsOnly")),
                    Map.of());
            return;
        }
        StringBuilder html = new StringBuilder(8192);
        DeskText text = text(exchange);
        head(html, text.get("title.templates"), text);
        html.append("<p><a href=\"").append(PATH).append("\">").append(escape(text.get("nav.back")))
                .append("</a></p>\n");
        notice.ifPresent(n -> html.append("<p class=\"notice\" role=\"alert\">").append(escape(n)).append("</p>\n"));
        html.append("<h2>").append(escape(text.get("templates.new"))).append("</h2>\n");
        templateForm(html, session, Optional.empty(), text);
        html.append("<h2>").append(escape(text.get("templates.all"))).append("</h2>\n");
        for (DeskStore.AnswerTemplate t : store.desk().templates()) {
            html.append("<article class=\"q\" id=\"t-").append(escape(t.id())).append("\"><div class=\"meta\">")
                    .append(escape(text.topic(t.topic()))).append(" · ").append(escape(text.format(
                            "templates.changedBy", t.updatedBy(), TIME.format(t.updatedAt())))).append("</div>\n");
            templateForm(html, session, Optional.of(t), text);
            html.append("</article>\n");
        }
        html.append("</body></html>\n");
        exchange.reply(status, "text/html; charset=utf-8", bytes(html.toString()), PAGE_HEADERS);
    }

    private static void templateForm(StringBuilder html, DeskStore.Session session,
            Optional<DeskStore.AnswerTemplate> template, DeskText text) {
        html.append("<form method=\"post\" action=\"").append(PATH).append("/template\">")
                .append("<input type=\"hidden\" name=\"form\" value=\"").append(escape(session.csrf())).append("\">");
        template.ifPresent(t -> html.append("<input type=\"hidden\" name=\"template\" value=\"")
                .append(escape(t.id())).append("\">"));
        html.append("<p><label>").append(escape(text.get("templates.topic"))).append(" <select name=\"topic\" required>");
        for (Topic topic : Topic.values()) {
            html.append("<option value=\"").append(topic.code()).append("\"")
                    .append(template.filter(t -> t.topic() == topic).isPresent() ? " selected" : "").append(">")
                    .append(escape(text.topic(topic))).append("</option>");
        }
        html.append("</select></label> <label>").append(escape(text.get("templates.title")))
                .append(" <input name=\"title\" required maxlength=\"")
                .append(TEMPLATE_TITLE_MAX).append("\" value=\"").append(escape(template.map(
                        DeskStore.AnswerTemplate::title).orElse(""))).append("\"></label></p>")
                .append("<p><label>").append(escape(text.get("templates.text")))
                .append("<br><textarea name=\"body\" required maxlength=\"")
                .append(QuestionLimits.ANSWER_MAX).append("\">").append(escape(template.map(
                        DeskStore.AnswerTemplate::body).orElse(""))).append("</textarea></label></p>")
                .append("<p><button type=\"submit\">").append(escape(text.get(template.isPresent() ? "templates.save"
                        : "templates.add")))
                .append("</button></p></form>\n");
    }

    private void answer(ServerExchange exchange, DeskStore.Session session, String id, Map<String, String> form)
            throws IOException {
        String answer = QuestionRules.normaliseText(form.getOrDefault("answer", ""));
        Optional<FieldProblem> problem = QuestionRules.checkAnswer(answer);
        if (problem.isPresent()) {
            DeskText t = text(exchange);
            String text = problem.get() instanceof FieldProblem.Missing ? t.get("answer.missing")
                    : problemText(problem.get(), t);
            page(exchange, session, Map.of(), Optional.of(t.format("answer.problem", id, text)), 400);
            return;
        }
        // Answering takes the question too: if another operator holds it, this one is told so and nothing is sent.
        InboxStore.DeskClaim claim = store.claimQuestion(id, session.operator(), clock.instant());
        if (claim instanceof InboxStore.DeskClaim.HeldByAnother other) {
            page(exchange, session, Map.of(), Optional.of(text(exchange).format("answer.heldByAnother", id,
                    other.operator())), 409);
            return;
        }
        if (!store.answer(id, answer, clock.instant())) {
            page(exchange, session, Map.of(), Optional.of(text(exchange).format("question.deleted", id)), 404);
            return;
        }
        audit(session.operator(), "answer", Optional.of(id), Integer.toString(answer.length()));
        // Post/redirect/get: reloading the page does not send the answer twice.
        exchange.reply(303, "text/plain; charset=utf-8", bytes("Answered.\n"), Map.of("Location", PATH, "Cache-Control",
                "no-store"));
    }

    // ---- the audit log (supervisors) ----

    private void auditPage(ServerExchange exchange, DeskStore.Session session) {
        if (session.role() != DeskStore.Role.SUPERVISOR) {
            exchange.reply(403, "text/plain; charset=utf-8", bytes(text(exchange).get("audit.supervisorsOnly")),
                    Map.of());
            return;
        }
        audit(session.operator(), "read-audit", Optional.empty(), "");
        StringBuilder html = new StringBuilder(8192);
        DeskText t = text(exchange);
        head(html, t.get("title.audit"), t);
        html.append("<p><a href=\"").append(PATH).append("\">").append(escape(t.get("nav.back")))
                .append("</a></p>\n<table><thead><tr>");
        for (String column : new String[] {"audit.when", "audit.who", "audit.what", "audit.question", "audit.detail"}) {
            html.append("<th>").append(escape(t.get(column))).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (DeskStore.AuditEntry e : store.desk().audit(500)) {
            html.append("<tr><td class=\"when\">").append(escape(TIME.format(e.at()))).append("</td><td>")
                    .append(escape(e.operator()))
                    .append("</td><td data-action=\"").append(escape(e.action())).append("\">")
                    .append(escape(t.action(e.action()))).append("</td><td>")
                    .append(escape(e.questionId().orElse(""))).append("</td><td>").append(escape(auditDetail(e, t)))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n</body></html>\n");
        exchange.reply(200, "text/html; charset=utf-8", bytes(html.toString()), PAGE_HEADERS);
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

    private void page(ServerExchange exchange, DeskStore.Session session, Map<String, String> filter,
            Optional<String> notice, int status)
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

        List<DeskStore.AnswerTemplate> templates = store.desk().templates();
        StringBuilder html = new StringBuilder(8192);
        DeskText t = text(exchange);
        head(html, t.get("title.queue"), t);
        html.append("<form class=\"who\" method=\"post\" action=\"").append(PATH).append("/logout\">")
                .append(escape(session.operator())).append(" (").append(escape(t.get("role." + session.role().code())))
                .append(") ")
                .append(session.role() == DeskStore.Role.SUPERVISOR ? "<a href=\"" + PATH + "/audit\">"
                        + escape(t.get("nav.audit")) + "</a> <a href=\"" + PATH + "/templates\">"
                        + escape(t.get("nav.templates")) + "</a> <a href=\"" + PATH + "/abusive\">"
                        + escape(t.get("nav.abusive")) + "</a> " : "")
                .append("<a href=\"").append(DeskNumbersPage.PATH).append("\">").append(escape(t.get("nav.numbers"))).append("</a> ")
                .append("<input type=\"hidden\" name=\"form\" value=\"").append(escape(session.csrf()))
                .append("\"><button type=\"submit\">").append(escape(t.get("nav.logout"))).append("</button></form>\n");
        audit(session.operator(), "read-queue", Optional.empty(), queue.questions().size()
                + after.map(a -> " after " + a.text()).orElse(""));
        notice.ifPresent(n -> html.append("<p class=\"notice\" role=\"alert\">").append(escape(n)).append("</p>\n"));
        html.append("<p>").append(escape(t.get("queue.open", openTotal))).append("</p>\n");

        answerTimes(html, store.answerTimes(clock.instant()), t);

        html.append("<nav aria-label=\"").append(escape(t.get("queue.filterTopic"))).append("\"><strong>").append(escape(t.get("queue.topic")))
                .append("</strong> <a href=\"").append(PATH).append("\">").append(escape(t.get("queue.all"))).append("</a>");
        for (Map.Entry<Topic, Long> e : perTopic.entrySet()) {
            if (e.getValue() > 0) {
                html.append("<a href=\"").append(PATH).append("?topic=").append(e.getKey().code()).append("\">")
                        .append(escape(t.topic(e.getKey()))).append(" (").append(e.getValue()).append(")</a>");
            }
        }
        html.append("</nav>\n<nav aria-label=\"").append(escape(t.get("queue.filterCountry"))).append("\"><strong>")
                .append(escape(t.get("queue.country"))).append("</strong> ");
        for (Map.Entry<String, Long> e : perCountry.entrySet()) {
            html.append("<a href=\"").append(PATH).append("?country=").append(escape(e.getKey())).append("\">")
                    .append(escape(e.getKey())).append(" (").append(e.getValue()).append(")</a>");
        }
        html.append("</nav>\n");

        for (Map.Entry<Topic, TreeMap<String, List<InboxStore.DeskQuestion>>> topic : grouped.entrySet()) {
            if (topic.getValue().isEmpty()) {
                continue;
            }
            html.append("<h2>").append(escape(t.topic(topic.getKey()))).append("</h2>\n");
            for (Map.Entry<String, List<InboxStore.DeskQuestion>> country : topic.getValue().entrySet()) {
                html.append("<h3>").append(escape(country.getKey())).append("</h3>\n");
                for (InboxStore.DeskQuestion q : country.getValue()) {
                    question(html, q, Optional.of(session), templates, Optional.empty(), t);
                }
            }
        }

        queue.next().ifPresent(next -> html.append("<nav aria-label=\"").append(escape(t.get("queue.pages")))
                .append("\"><a rel=\"next\" href=\"").append(PATH)
                .append("?after=").append(escape(next.text())).append(topicFilter.map(topic -> "&amp;topic=" + topic.code())
                        .orElse("")).append(countryFilter.map(c -> "&amp;country=" + escape(URLEncoder.encode(c,
                        StandardCharsets.UTF_8))).orElse(""))
                .append(size == PAGE_SIZE ? "" : "&amp;size=" + size).append("\">").append(escape(t.get("queue.next", size)))
                .append("</a></nav>\n"));

        List<InboxStore.DeskQuestion> answered = store.recentlyAnswered(ANSWERED_SHOWN);
        if (!answered.isEmpty()) {
            html.append("<h2>").append(escape(t.get("queue.answeredRecently"))).append("</h2>\n");
            for (InboxStore.DeskQuestion q : answered) {
                question(html, q, Optional.empty(), List.of(), Optional.empty(), t);
            }
        }
        html.append("</body></html>\n");
        exchange.reply(status, "text/html; charset=utf-8", bytes(html.toString()), PAGE_HEADERS);
    }

    /** "Answered in N days" per topic, last 30 days: the median and the time 90 % were answered within. */
    private static void answerTimes(StringBuilder html, List<InboxStore.AnswerTimes> times, DeskText text) {
        if (times.isEmpty()) {
            return;
        }
        html.append("<table><caption>").append(escape(text.get("times.caption",
                InboxStore.ANSWER_TIMES_WINDOW.toDays()))).append("</caption><thead><tr><th>")
                .append(escape(text.get("times.topic"))).append("</th><th>").append(escape(text.get("times.answered")))
                .append("</th><th>").append(escape(text.get("times.median"))).append("</th><th>")
                .append(escape(text.get("times.p90"))).append("</th></tr></thead><tbody>\n");
        for (InboxStore.AnswerTimes t : times) {
            html.append("<tr><td>").append(escape(text.topic(t.topic()))).append("</td><td>").append(t.answered())
                    .append("</td><td>").append(days(t.median())).append("</td><td>").append(days(t.percentile90()))
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }

    /** Days with one decimal, e.g. 1.5. */
    static String days(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 86_400_000.0);
    }

    /** The page's head, the same on every desk page: no script, one style sheet inline. */
    static void head(StringBuilder html, String title, DeskText t) {
        html.append("""
                <!DOCTYPE html>
                <html lang="LANG"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>TITLE</title>
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
                .who{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center;justify-content:flex-end;
                  margin:.5rem 0}
                table{border-collapse:collapse;margin:.5rem 0} td,th{border:1px solid #ccc;padding:.25rem .5rem}
                caption{text-align:left;font-weight:bold;padding:.25rem 0} .when{white-space:nowrap}
                </style></head><body>
                <h1>HEADING</h1>
                """.replace("TITLE", escape(title)).replace("LANG", t.language().code())
                .replace("HEADING", escape(t.get("heading"))));
        html.append("<nav aria-label=\"").append(escape(t.get("nav.language"))).append("\">");
        for (DeskText.Language language : DeskText.Language.values()) {
            html.append("<a href=\"").append(PATH).append("/language?to=").append(language.code()).append("\" lang=\"")
                    .append(language.code()).append("\">").append(switch (language) {
                        case TG -> "Тоҷикӣ";
                        case RU -> "Русский";
                        case EN -> "English";
                    }).append("</a>");
        }
        html.append("</nav>\n");
    }

    private void question(StringBuilder html, InboxStore.DeskQuestion q, Optional<DeskStore.Session> session,
            List<DeskStore.AnswerTemplate> templates, Optional<String> prefill, DeskText t) {
        html.append("<article class=\"q\" id=\"q-").append(escape(q.id())).append("\">\n<div class=\"meta\">")
                .append(escape(TIME.format(q.receivedAt()))).append(" · ").append(escape(t.topic(q.topic())))
                .append(" · ").append(escape(q.country())).append(" · ").append(escape(t.get("question.answerIn")))
                .append(" <strong>")
                .append(escape(DeskText.Language.fromCode(q.language()).map(l -> t.get("language." + l.code()))
                        .orElse(q.language()))).append("</strong>");
        q.contact().ifPresent(c -> html.append(" · ").append(escape(t.get("question.contact"))).append(" <strong>").append(escape(c))
                .append("</strong>"));
        // A report of a number that does not work names the guide's contact: the editors' page has its row.
        q.about().ifPresent(about -> {
            html.append(" · ").append(escape(t.get("question.about"))).append(" <a href=\"").append(PATH)
                    .append("/numbers#").append(escape(about.code())).append("\"><code>")
                    .append(escape(about.country() + "/" + about.id())).append("</code></a>");
            q.aboutNumber().ifPresent(number -> html.append(" (<span class=\"number\">").append(escape(number))
                    .append("</span>)"));
        });
        html.append("</div>\n<div class=\"msg\">").append(escape(q.message())).append("</div>\n");
        if (q.answer().isPresent()) {
            html.append("<div class=\"answer\">").append(escape(q.answer().get())).append("</div>\n");
            q.answeredAt().ifPresent(at -> html.append("<div class=\"meta\">").append(escape(t.get("question.answered"))).append(" ")
                    .append(escape(TIME.format(at))).append("</div>\n"));
        }
        if (session.isPresent()) {
            String csrf = escape(session.get().csrf());
            Optional<InboxStore.DeskQuestion.ClaimedBy> claimed = q.claimed()
                    .filter(c -> c.at().plus(InboxStore.DESK_CLAIM_HOLD).isAfter(clock.instant()));
            if (claimed.isPresent()) {
                html.append("<p class=\"meta\">").append(escape(t.get("question.claimedBy"))).append(" <strong>").append(escape(claimed.get().operator()))
                        .append("</strong> ").append(escape(t.get("question.claimedAt"))).append(" ")
                        .append(escape(TIME.format(claimed.get().at()))).append("</p>\n");
            } else {
                html.append("<form method=\"post\" action=\"").append(PATH).append("/claim\">")
                        .append("<input type=\"hidden\" name=\"id\" value=\"").append(escape(q.id()))
                        .append("\"><input type=\"hidden\" name=\"form\" value=\"").append(csrf)
                        .append("\"><button type=\"submit\">").append(escape(t.get("question.claim")))
                        .append("</button></form>\n");
            }
            if (session.get().role() == DeskStore.Role.SUPERVISOR) {
                html.append("<form method=\"post\" action=\"").append(PATH).append("/abusive\">")
                        .append("<input type=\"hidden\" name=\"id\" value=\"").append(escape(q.id())).append("\">")
                        .append("<input type=\"hidden\" name=\"form\" value=\"").append(csrf).append("\">")
                        .append("<button type=\"submit\">").append(escape(t.get("question.markAbusive")))
                        .append("</button></form>\n");
            }
            List<DeskStore.AnswerTemplate> ofTopic = templates.stream().filter(tpl -> tpl.topic() == q.topic()).toList();
            if (!ofTopic.isEmpty()) {
                html.append("<form method=\"post\" action=\"").append(PATH).append("/fill\">")
                        .append("<input type=\"hidden\" name=\"id\" value=\"").append(escape(q.id())).append("\">")
                        .append("<input type=\"hidden\" name=\"form\" value=\"").append(csrf).append("\">")
                        .append("<label>").append(escape(t.get("question.template")))
                        .append(" <select name=\"template\">");
                for (DeskStore.AnswerTemplate tpl : ofTopic) {
                    html.append("<option value=\"").append(escape(tpl.id())).append("\">").append(escape(tpl.title()))
                            .append("</option>");
                }
                html.append("</select></label> <button type=\"submit\">").append(escape(t.get("question.fill")))
                        .append("</button></form>\n");
            }
            html.append("<form method=\"post\" action=\"").append(PATH).append("/answer\">")
                    .append("<input type=\"hidden\" name=\"id\" value=\"").append(escape(q.id())).append("\">")
                    .append("<input type=\"hidden\" name=\"form\" value=\"").append(csrf).append("\">")
                    .append("<label>").append(escape(t.get("question.answer"))).append("<br><textarea name=\"answer\" required maxlength=\"")
                    .append(QuestionLimits.ANSWER_MAX).append("\">").append(escape(prefill.orElse("")))
                    .append("</textarea></label><br>")
                    .append("<button type=\"submit\">").append(escape(t.get("question.send"))).append("</button></form>\n");
        }
        html.append("</article>\n");
    }

    static int pageSize(String text) {
        try {
            return Math.max(1, Math.min(PAGE_SIZE_MAX, Integer.parseInt(text)));
        } catch (NumberFormatException e) {
            return PAGE_SIZE;
        }
    }

    /** A topic's English name (logs, tools); a page says it in its reader's language with {@link DeskText#topic}. */
    static String topicName(Topic topic) {
        return DeskText.of(DeskText.Language.EN).topic(topic);
    }

    /** Why an answer or a template's text cannot be sent, in the desk's language. */
    private static String problemText(FieldProblem problem, DeskText t) {
        if (problem instanceof FieldProblem.TooLong tooLong) {
            return t.format("answer.tooLong", tooLong.maximum(), tooLong.actual());
        }
        if (problem instanceof FieldProblem.ForbiddenCharacter forbidden) {
            return t.format("answer.forbidden", forbidden.codePoint(), forbidden.position() + 1);
        }
        return problem instanceof FieldProblem.Missing ? t.get("answer.missing") : problem.message();
    }

    /**
     * An audit entry's detail in the desk's language. The log keeps data, not sentences (an address, a count, a
     * template); entries written before it kept English sentences and are shown as they are.
     */
    private static String auditDetail(DeskStore.AuditEntry entry, DeskText t) {
        String detail = entry.detail();
        switch (entry.action()) {
            case "login", "login-refused", "login-locked" -> {
                return detail.matches("[0-9A-Fa-f.:\\[\\]%]+") ? t.format("audit.from", detail) : detail;
            }
            case "read-queue", "read-numbers" -> {
                java.util.regex.Matcher shown = java.util.regex.Pattern.compile("(\\d+)( after .*)?").matcher(detail);
                return shown.matches() ? t.format(entry.action().equals("read-queue") ? "audit.shown"
                        : "audit.contactsShown", Long.parseLong(shown.group(1)))
                        + (shown.group(2) == null ? "" : " (" + shown.group(2).substring(7) + ")") : detail;
            }
            case "answer" -> {
                return detail.matches("\\d+") ? t.format("audit.characters", Long.parseLong(detail)) : detail;
            }
            case "fill-template", "template-add", "template-edit" -> {
                if (detail.startsWith("template ")) {
                    return detail;
                }
                java.util.regex.Matcher topic = java.util.regex.Pattern.compile("(\\S+) \\(([a-z-]+): (.*)\\)")
                        .matcher(detail);
                return topic.matches() && Topic.fromCode(topic.group(2)).isPresent() ? t.format("audit.template",
                        topic.group(1) + " (" + t.topic(Topic.fromCode(topic.group(2)).get()) + ": " + topic.group(3)
                                + ")") : t.format("audit.template", detail);
            }
            default -> {
                return detail;
            }
        }
    }

    /** {@code text} with its {@code %s} replaced by {@code value} in bold, both escaped. */
    private static String strong(String text, String value) {
        int at = text.indexOf("%s");
        return at < 0 ? escape(text) : escape(text.substring(0, at)) + "<strong>" + escape(value) + "</strong>"
                + escape(text.substring(at + 2));
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
}
