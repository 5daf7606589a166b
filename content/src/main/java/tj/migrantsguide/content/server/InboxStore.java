package tj.migrantsguide.content.server;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.questions.Question;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.questions.ReportedContact;
import tj.migrantsguide.questions.Topic;

/**
 * The inbox's storage: every SQL string of the inbox, over plain JDBC, the same on both databases
 * ({@link InboxDatabase}: SQLite by default, {@code jdbc:sqlite:inbox.db}; PostgreSQL for several nodes). Tables
 * come from versioned migrations ({@code db/inbox/V*.sql}); times are epoch milliseconds.
 *
 * <p>Idempotency: each submission's (token, key) is claimed in {@code inbox_submission} before the question is
 * stored; storing the question and remembering the response happen in one transaction. A claim not completed
 * within {@link #CLAIM_LEASE} (the server died mid-request) may be taken over by a later request with the same
 * key and body. The claim is a row with a unique key in the database, so exactly-once holds across any number of
 * nodes. Tokens are kept only as SHA-256 hashes: a copy of this database does not let anyone read answers.
 */
public final class InboxStore {
    /** How long a claimed submission counts as "in flight" before another request may take it over. */
    public static final Duration CLAIM_LEASE = Duration.ofSeconds(30);
    /** The most questions one device's list returns (newest first); a device has a handful. */
    public static final int LIST_MAX = 500;

    private final InboxDatabase database;
    private final DeskStore desk;
    private final NumberReports numberReports;

    private InboxStore(InboxDatabase database) {
        this.database = database;
        this.desk = new DeskStore(database);
        this.numberReports = new NumberReports(database);
    }

    /** The desk's operators, sessions and audit log, in the same database. */
    public DeskStore desk() {
        return desk;
    }

    /** Reports of numbers that do not work, grouped per item of the guide for editors (V6). */
    public NumberReports numberReports() {
        return numberReports;
    }

    /**
     * Opens the inbox at a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://…}) and brings its
     * tables to the latest version (Flyway, {@code db/inbox/V*.sql}).
     */
    public static InboxStore open(String jdbcUrl) {
        return new InboxStore(InboxDatabase.open(jdbcUrl));
    }

    /** Releases the database (SQLite's kept connection, PostgreSQL's pool); the store must not be used afterwards. */
    public void close() {
        database.close();
    }

    // ---- submissions ----

    /** What a request with an idempotency key may do. */
    public sealed interface Claim {
        /** This request owns the key: process it and {@link #storeQuestion} or {@link #release}. */
        record Claimed() implements Claim {}

        /** The key was used with these same bytes and answered: send the same answer again. */
        record Replay(int status, byte[] body) implements Claim {}

        /**
         * The same request is being processed right now, or was by a server that died: claimed at
         * {@code claimedAt}, free to take over from {@code leaseEndsAt}.
         */
        record InFlight(Instant claimedAt, Instant leaseEndsAt) implements Claim {}

        /** The key was used with another body. */
        record KeyReusedWithOtherBody() implements Claim {}
    }

    public Claim claim(String tokenHash, String key, String bodySha256, Instant now) {
        try (Connection connection = database.connection()) {
            database.beforeClaim(connection);
            // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike): a key already taken inserts no row, and no
            // failed statement is left to tell apart from a real failure.
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox_submission (token_hash, idempotency_key, body_sha256, started_at)
                    VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
                insert.setString(1, tokenHash);
                insert.setString(2, key);
                insert.setString(3, bodySha256);
                insert.setLong(4, now.toEpochMilli());
                if (insert.executeUpdate() == 1) {
                    return new Claim.Claimed();
                }
            }
            Optional<Claim> existing = existingClaim(connection, tokenHash, key, bodySha256, now);
            // Released between our insert and our look (a failed store): the next retry claims it afresh.
            return existing.orElseGet(() -> new Claim.InFlight(now, now));
        } catch (SQLException e) {
            throw new InboxException("claim a submission", e);
        }
    }

    private static Optional<Claim> existingClaim(Connection connection, String tokenHash, String key,
            String bodySha256, Instant now) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT body_sha256, started_at, completed_at, response_status, response_body FROM inbox_submission
                WHERE token_hash = ? AND idempotency_key = ?""")) {
            query.setString(1, tokenHash);
            query.setString(2, key);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                if (!rows.getString(1).equals(bodySha256)) {
                    return Optional.of(new Claim.KeyReusedWithOtherBody());
                }
                long startedAt = rows.getLong(2);
                rows.getLong(3);
                if (!rows.wasNull()) {
                    return Optional.of(new Claim.Replay(rows.getInt(4),
                            rows.getString(5).getBytes(StandardCharsets.UTF_8)));
                }
                Instant claimedAt = Instant.ofEpochMilli(startedAt);
                if (claimedAt.plus(CLAIM_LEASE).isAfter(now)) {
                    return Optional.of(new Claim.InFlight(claimedAt, claimedAt.plus(CLAIM_LEASE)));
                }
                // The request that claimed it never finished (the server stopped): this one takes over, unless
                // another request takes over first.
                try (PreparedStatement takeOver = connection.prepareStatement("""
                        UPDATE inbox_submission SET started_at = ?
                        WHERE token_hash = ? AND idempotency_key = ? AND completed_at IS NULL AND started_at = ?""")) {
                    takeOver.setLong(1, now.toEpochMilli());
                    takeOver.setString(2, tokenHash);
                    takeOver.setString(3, key);
                    takeOver.setLong(4, startedAt);
                    return Optional.of(takeOver.executeUpdate() == 1 ? new Claim.Claimed()
                            : new Claim.InFlight(now, now.plus(CLAIM_LEASE)));
                }
            }
        }
    }

    /** Gives a claim back unanswered (processing failed unexpectedly), so that a retry can be processed. */
    public void release(String tokenHash, String key) {
        try (Connection connection = database.connection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM inbox_submission WHERE token_hash = ? AND idempotency_key = ? AND completed_at IS NULL")) {
            delete.setString(1, tokenHash);
            delete.setString(2, key);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new InboxException("release a submission", e);
        }
    }

    /**
     * Stores a claimed question and remembers the response (201 and the receipt) in one transaction: either both
     * are there or neither. Returns the response body.
     */
    public byte[] storeQuestion(String tokenHash, String key, Question question, String id, Instant now) {
        byte[] receipt = QuestionCodec.writeReceipt(new QuestionCodec.Receipt(id, now));
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO inbox_question (id, token_hash, idempotency_key, topic, country, language,
                            message, contact, received_at, about_item, about_number)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    insert.setString(1, id);
                    insert.setString(2, tokenHash);
                    insert.setString(3, key);
                    insert.setString(4, question.topic().code());
                    insert.setString(5, question.country());
                    insert.setString(6, question.language().code());
                    insert.setString(7, question.message());
                    if (question.contact().isPresent()) {
                        insert.setString(8, question.contact().get());
                    } else {
                        insert.setNull(8, Types.VARCHAR);
                    }
                    insert.setLong(9, now.toEpochMilli());
                    insert.setString(10, question.about().map(ReportedContact::code).orElse(null));
                    insert.setString(11, question.number().orElse(null));
                    insert.executeUpdate();
                }
                try (PreparedStatement complete = connection.prepareStatement("""
                        UPDATE inbox_submission SET completed_at = ?, response_status = 201, response_body = ?
                        WHERE token_hash = ? AND idempotency_key = ? AND completed_at IS NULL""")) {
                    complete.setLong(1, now.toEpochMilli());
                    complete.setString(2, new String(receipt, StandardCharsets.UTF_8));
                    complete.setString(3, tokenHash);
                    complete.setString(4, key);
                    if (complete.executeUpdate() != 1) {
                        throw new SQLException("the submission was not claimed by this request");
                    }
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new InboxException("store a question", e);
        }
        return receipt;
    }

    // ---- a device's own questions ----

    public List<QuestionCodec.RemoteQuestion> questionsOf(String tokenHash) {
        List<QuestionCodec.RemoteQuestion> questions = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement("""
                SELECT id, idempotency_key, received_at, answer, answered_at FROM inbox_question
                WHERE token_hash = ? ORDER BY received_at DESC, id""")) {
            query.setString(1, tokenHash);
            query.setMaxRows(LIST_MAX);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String answer = rows.getString(4);
                    long answeredAt = rows.getLong(5);
                    questions.add(new QuestionCodec.RemoteQuestion(rows.getString(1), rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3)),
                            answer == null ? Optional.empty() : Optional.of(
                                    new QuestionCodec.RemoteAnswer(answer, Instant.ofEpochMilli(answeredAt)))));
                }
            }
        } catch (SQLException e) {
            throw new InboxException("list a device's questions", e);
        }
        return questions;
    }

    /**
     * Deletes one of the device's questions, text and answer. The submission record stays (it holds no text), so
     * that a late copy of the original request is answered as before instead of storing the question again.
     * Returns false when the device has no such question.
     */
    public boolean delete(String tokenHash, String id) {
        try (Connection connection = database.connection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM inbox_question WHERE token_hash = ? AND id = ?")) {
            delete.setString(1, tokenHash);
            delete.setString(2, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new InboxException("delete a question", e);
        }
    }

    // ---- the desk ----

    /** A question as the desk sees it. */
    public record DeskQuestion(String id, Topic topic, String country, String language, String message,
            Optional<String> contact, Instant receivedAt, Optional<String> answer, Optional<Instant> answeredAt,
            Optional<ClaimedBy> claimed, Optional<ReportedContact> about, Optional<String> aboutNumber) {
        /** An operator working on the question since {@code at}. */
        public record ClaimedBy(String operator, Instant at) {}
    }

    /** Where a page of the work queue starts: after the question received at {@code receivedAt} with {@code id}. */
    public record QueuePosition(Instant receivedAt, String id) {
        /** {@code 1732356000000~abc}: what the desk puts in its "next page" link. */
        public String text() {
            return receivedAt.toEpochMilli() + "~" + id;
        }

        /** Empty for anything that is not such a text (a hand-edited link starts from the beginning). */
        public static Optional<QueuePosition> parse(String text) {
            int tilde = text.indexOf('~');
            if (tilde <= 0 || tilde == text.length() - 1) {
                return Optional.empty();
            }
            try {
                return Optional.of(new QueuePosition(Instant.ofEpochMilli(Long.parseLong(text.substring(0, tilde))),
                        text.substring(tilde + 1)));
            } catch (NumberFormatException | java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    /** Which open questions the desk shows: a topic, a country, or all. */
    public record QueueFilter(Optional<Topic> topic, Optional<String> country) {
        public static final QueueFilter ALL = new QueueFilter(Optional.empty(), Optional.empty());
    }

    /** One page of the work queue, oldest first, and where the next one starts (empty on the last page). */
    public record QueuePage(List<DeskQuestion> questions, Optional<QueuePosition> next) {}

    /**
     * A page of open questions, oldest first (by time received, then id), after {@code after}. Keyset paging:
     * every page costs the same however deep in the queue, and there is no cap on how many pages there are.
     */
    public QueuePage openQueue(QueueFilter filter, Optional<QueuePosition> after, int size) {
        StringBuilder sql = new StringBuilder("""
                SELECT id, topic, country, language, message, contact, received_at, answer, answered_at,
                    claimed_by, claimed_at, about_item, about_number
                FROM inbox_question WHERE answered_at IS NULL""");
        List<Object> parameters = new ArrayList<>();
        filter.topic().ifPresent(t -> {
            sql.append(" AND topic = ?");
            parameters.add(t.code());
        });
        filter.country().ifPresent(c -> {
            sql.append(" AND country = ?");
            parameters.add(c);
        });
        after.ifPresent(position -> {
            sql.append(" AND (received_at > ? OR (received_at = ? AND id > ?))");
            parameters.add(position.receivedAt().toEpochMilli());
            parameters.add(position.receivedAt().toEpochMilli());
            parameters.add(position.id());
        });
        sql.append(" ORDER BY received_at, id LIMIT ?");
        parameters.add(size + 1);
        List<DeskQuestion> rows = desk(sql.toString(), parameters);
        if (rows.size() <= size) {
            return new QueuePage(rows, Optional.empty());
        }
        List<DeskQuestion> page = List.copyOf(rows.subList(0, size));
        DeskQuestion last = page.get(size - 1);
        return new QueuePage(page, Optional.of(new QueuePosition(last.receivedAt(), last.id())));
    }

    /** Open questions per topic and per country, all of them counted (no cap). */
    public record OpenCounts(long total, Map<Topic, Long> perTopic, Map<String, Long> perCountry) {}

    public OpenCounts openCounts() {
        Map<Topic, Long> perTopic = new java.util.EnumMap<>(Topic.class);
        Map<String, Long> perCountry = new java.util.TreeMap<>();
        long total = 0;
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(
                "SELECT topic, country, count(*) FROM inbox_question WHERE answered_at IS NULL GROUP BY topic, country");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long count = rows.getLong(3);
                total += count;
                perTopic.merge(Topic.fromCode(rows.getString(1)).orElse(Topic.REPORT_A_PROBLEM), count, Long::sum);
                perCountry.merge(rows.getString(2), count, Long::sum);
            }
        } catch (SQLException e) {
            throw new InboxException("count open questions", e);
        }
        return new OpenCounts(total, Map.copyOf(perTopic), Map.copyOf(perCountry));
    }

    /** Every open question, oldest first (tests and small inboxes; the desk pages with {@link #openQueue}). */
    public List<DeskQuestion> openQuestions() {
        List<DeskQuestion> all = new ArrayList<>();
        Optional<QueuePosition> after = Optional.empty();
        do {
            QueuePage page = openQueue(QueueFilter.ALL, after, 1000);
            all.addAll(page.questions());
            after = page.next();
        } while (after.isPresent());
        return all;
    }

    // ---- claiming a question at the desk ----

    /** How long an operator's claim keeps others off a question they have not answered. */
    public static final Duration DESK_CLAIM_HOLD = Duration.ofMinutes(30);

    /** What claiming a question for an operator did. */
    public sealed interface DeskClaim {
        /** The operator holds it now (newly, or again). */
        record Held(String operator, Instant until) implements DeskClaim {}

        /** Another operator holds it. */
        record HeldByAnother(String operator, Instant until) implements DeskClaim {}

        /** Answered meanwhile. */
        record Answered() implements DeskClaim {}

        /** No such question (deleted by the person). */
        record Missing() implements DeskClaim {}
    }

    /**
     * Claims question {@code id} for {@code operator}: one conditional UPDATE, so of two operators claiming at the
     * same moment exactly one gets it, on SQLite (one writer at a time) and PostgreSQL (the row lock, and the
     * condition read again after waiting for it) alike. A claim older than {@link #DESK_CLAIM_HOLD} lapses.
     */
    public DeskClaim claimQuestion(String id, String operator, Instant now) {
        try (Connection connection = database.connection()) {
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE inbox_question SET claimed_by = ?, claimed_at = ?
                    WHERE id = ? AND answered_at IS NULL
                        AND (claimed_by IS NULL OR claimed_by = ? OR claimed_at <= ?)""")) {
                update.setString(1, operator);
                update.setLong(2, now.toEpochMilli());
                update.setString(3, id);
                update.setString(4, operator);
                update.setLong(5, now.minus(DESK_CLAIM_HOLD).toEpochMilli());
                if (update.executeUpdate() == 1) {
                    return new DeskClaim.Held(operator, now.plus(DESK_CLAIM_HOLD));
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT answered_at, claimed_by, claimed_at FROM inbox_question WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    if (!rows.next()) {
                        return new DeskClaim.Missing();
                    }
                    rows.getLong(1);
                    if (!rows.wasNull()) {
                        return new DeskClaim.Answered();
                    }
                    return new DeskClaim.HeldByAnother(rows.getString(2),
                            Instant.ofEpochMilli(rows.getLong(3)).plus(DESK_CLAIM_HOLD));
                }
            }
        } catch (SQLException e) {
            throw new InboxException("claim a question", e);
        }
    }

    /** How long one topic's questions waited for their answer (received → answered), over a window of days. */
    public record AnswerTimes(Topic topic, long answered, Duration median, Duration percentile90) {}

    /** The window of {@link #answerTimes}: questions answered in the last 30 days. */
    public static final Duration ANSWER_TIMES_WINDOW = Duration.ofDays(30);

    /**
     * Median and 90th percentile of (answered − received) per topic, for questions answered in the last 30 days,
     * computed in the database (window functions: SQLite 3.25+ and PostgreSQL alike). Nearest-rank percentiles:
     * the p-th is the smallest time with at least p % of the topic's answers at or under it, so every figure is a
     * real question's wait, and the median of an even count is the lower middle one.
     */
    public List<AnswerTimes> answerTimes(Instant now) {
        List<AnswerTimes> times = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement("""
                SELECT topic, n,
                    MIN(CASE WHEN r * 2 >= n THEN took END),
                    MIN(CASE WHEN r * 10 >= n * 9 THEN took END)
                FROM (SELECT topic, answered_at - received_at AS took,
                        ROW_NUMBER() OVER (PARTITION BY topic ORDER BY answered_at - received_at, id) AS r,
                        COUNT(*) OVER (PARTITION BY topic) AS n
                    FROM inbox_question WHERE answered_at IS NOT NULL AND answered_at > ?) waits
                GROUP BY topic, n ORDER BY topic""")) {
            query.setLong(1, now.minus(ANSWER_TIMES_WINDOW).toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Optional<Topic> topic = Topic.fromCode(rows.getString(1));
                    if (topic.isPresent()) {
                        times.add(new AnswerTimes(topic.get(), rows.getLong(2), Duration.ofMillis(rows.getLong(3)),
                                Duration.ofMillis(rows.getLong(4))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new InboxException("compute answer times", e);
        }
        return times;
    }

    /** One question as the desk shows it, open or answered. */
    public Optional<DeskQuestion> deskQuestion(String id) {
        return desk("""
                SELECT id, topic, country, language, message, contact, received_at, answer, answered_at,
                    claimed_by, claimed_at, about_item, about_number
                FROM inbox_question WHERE id = ?""", List.of(id)).stream().findFirst();
    }

    public List<DeskQuestion> recentlyAnswered(int limit) {
        return desk("""
                SELECT id, topic, country, language, message, contact, received_at, answer, answered_at,
                    claimed_by, claimed_at, about_item, about_number
                FROM inbox_question WHERE answered_at IS NOT NULL ORDER BY answered_at DESC, id LIMIT ?""",
                List.of(limit));
    }

    private List<DeskQuestion> desk(String sql, List<Object> parameters) {
        List<DeskQuestion> questions = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long answeredAt = rows.getLong(9);
                    boolean answered = !rows.wasNull();
                    Optional<String> claimedBy = Optional.ofNullable(rows.getString(10));
                    long claimedAt = rows.getLong(11);
                    questions.add(new DeskQuestion(rows.getString(1),
                            Topic.fromCode(rows.getString(2)).orElse(Topic.REPORT_A_PROBLEM), rows.getString(3),
                            rows.getString(4), rows.getString(5), Optional.ofNullable(rows.getString(6)),
                            Instant.ofEpochMilli(rows.getLong(7)), Optional.ofNullable(rows.getString(8)),
                            answered ? Optional.of(Instant.ofEpochMilli(answeredAt)) : Optional.empty(),
                            claimedBy.map(by -> new DeskQuestion.ClaimedBy(by, Instant.ofEpochMilli(claimedAt))),
                            Optional.ofNullable(rows.getString(12)).flatMap(ReportedContact::parse),
                            Optional.ofNullable(rows.getString(13))));
                }
            }
        } catch (SQLException e) {
            throw new InboxException("read questions for the desk", e);
        }
        return questions;
    }

    /** Sets (or corrects) the answer to a question. Returns false when there is no such question. */
    public boolean answer(String id, String answer, Instant now) {
        try (Connection connection = database.connection(); PreparedStatement update = connection.prepareStatement(
                "UPDATE inbox_question SET answer = ?, answered_at = ? WHERE id = ?")) {
            update.setString(1, answer);
            update.setLong(2, now.toEpochMilli());
            update.setString(3, id);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new InboxException("answer a question", e);
        }
    }

    /** How many questions the inbox holds (for tests, benchmarks and the desk's header). */
    public int questionCount() {
        try (Connection connection = database.connection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM inbox_question")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            throw new InboxException("count questions", e);
        }
    }

    /** The inbox's database could not do what was asked; {@code operation} says what. */
    public static final class InboxException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String operation;

        InboxException(String operation, Throwable cause) {
            super(operation + ": " + cause.getMessage(), cause);
            this.operation = operation;
        }

        public String operation() {
            return operation;
        }
    }
}
