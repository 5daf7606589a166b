package tj.migrantsguide.content.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import tj.migrantsguide.questions.Question;
import tj.migrantsguide.questions.QuestionCodec;
import tj.migrantsguide.questions.Topic;

/**
 * The reference inbox's storage, over plain JDBC: SQLite by default ({@code jdbc:sqlite:inbox.db}); the SQL keeps
 * to what PostgreSQL and other servers also take (no SQLite-only syntax, times as epoch milliseconds, texts as
 * VARCHAR/TEXT), so that a database server can take over by changing the URL and adding its driver.
 *
 * <p>Idempotency: each submission's (token, key) is claimed in {@code inbox_submission} before the question is
 * stored; storing the question and remembering the response happen in one transaction. A claim not completed
 * within {@link #CLAIM_LEASE} (the server died mid-request) may be taken over by a later request with the same
 * key and body. Tokens are kept only as SHA-256 hashes: a copy of this database does not let anyone read answers.
 */
public final class InboxStore {
    /** How long a claimed submission counts as "in flight" before another request may take it over. */
    public static final Duration CLAIM_LEASE = Duration.ofSeconds(30);
    /** The most questions one device's list returns (newest first); a device has a handful. */
    public static final int LIST_MAX = 500;

    /** Opens connections; SQLite's by default, any JDBC data source otherwise. */
    @FunctionalInterface
    public interface Connections {
        Connection open() throws SQLException;
    }

    private static final List<String> SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS inbox_question (
                id VARCHAR(64) PRIMARY KEY,
                token_hash VARCHAR(64) NOT NULL,
                idempotency_key VARCHAR(128) NOT NULL,
                topic VARCHAR(32) NOT NULL,
                country VARCHAR(2) NOT NULL,
                language VARCHAR(8) NOT NULL,
                message TEXT NOT NULL,
                contact VARCHAR(254),
                received_at BIGINT NOT NULL,
                answer TEXT,
                answered_at BIGINT,
                UNIQUE (token_hash, idempotency_key))""",
            "CREATE INDEX IF NOT EXISTS inbox_question_by_token ON inbox_question (token_hash, received_at)",
            "CREATE INDEX IF NOT EXISTS inbox_question_open ON inbox_question (answered_at, topic, country)",
            """
            CREATE TABLE IF NOT EXISTS inbox_submission (
                token_hash VARCHAR(64) NOT NULL,
                idempotency_key VARCHAR(128) NOT NULL,
                body_sha256 VARCHAR(64) NOT NULL,
                started_at BIGINT NOT NULL,
                completed_at BIGINT,
                response_status INTEGER,
                response_body TEXT,
                PRIMARY KEY (token_hash, idempotency_key))""");

    private final Connections connections;
    private final boolean sqlite;
    private final Optional<Connection> keptOpen;

    private InboxStore(Connections connections, boolean sqlite, Optional<Connection> keptOpen) {
        this.connections = connections;
        this.sqlite = sqlite;
        this.keptOpen = keptOpen;
    }

    /** Opens the inbox at a JDBC URL, creating its tables if needed. */
    public static InboxStore open(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:") && !jdbcUrl.contains(":memory:")) {
            String file = jdbcUrl.substring("jdbc:sqlite:".length());
            int parameters = file.indexOf('?');
            Path parent = Path.of(parameters < 0 ? file : file.substring(0, parameters)).toAbsolutePath().getParent();
            try {
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            } catch (IOException e) {
                throw new InboxException("create the folder " + parent, e);
            }
        }
        return open(forUrl(jdbcUrl), jdbcUrl.startsWith("jdbc:sqlite:"));
    }

    /** @param sqlite whether the connections are SQLite's (which allows a cheaper commit for claims) */
    public static InboxStore open(Connections connections, boolean sqlite) {
        try (Connection connection = connections.open(); Statement statement = connection.createStatement()) {
            for (String sql : SCHEMA) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new InboxException("create the inbox tables", e);
        }
        // SQLite checkpoints and removes the WAL whenever the last connection to a file closes: two fsyncs per
        // request with a connection per request. One connection held open for the store's life avoids that.
        Optional<Connection> keptOpen = Optional.empty();
        if (sqlite) {
            try {
                keptOpen = Optional.of(connections.open());
            } catch (SQLException e) {
                throw new InboxException("open the inbox", e);
            }
        }
        return new InboxStore(connections, sqlite, keptOpen);
    }

    /** Releases the connection kept open (SQLite); the store must not be used afterwards. */
    public void close() {
        keptOpen.ifPresent(connection -> {
            try {
                connection.close();
            } catch (SQLException e) {
                throw new InboxException("close the inbox", e);
            }
        });
    }

    /** One connection per use. For SQLite: WAL (readers never wait for the writer) and a wait on a busy file. */
    static Connections forUrl(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return () -> DriverManager.getConnection(jdbcUrl);
        }
        Properties properties = new Properties();
        properties.setProperty("busy_timeout", "10000");
        properties.setProperty("journal_mode", "WAL");
        // Our transactions write; taking the lock at BEGIN makes concurrent ones queue instead of failing.
        properties.setProperty("transaction_mode", "IMMEDIATE");
        return () -> DriverManager.getConnection(jdbcUrl, properties);
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
        try (Connection connection = connections.open()) {
            if (sqlite) {
                // A claim lost in a power cut costs nothing (no question was stored; the retry claims again), so
                // its commit need not wait for the disk. Storing the question does (FULL, SQLite's default).
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA synchronous = NORMAL");
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO inbox_submission (token_hash, idempotency_key, body_sha256, started_at)
                    VALUES (?, ?, ?, ?)""")) {
                insert.setString(1, tokenHash);
                insert.setString(2, key);
                insert.setString(3, bodySha256);
                insert.setLong(4, now.toEpochMilli());
                insert.executeUpdate();
                return new Claim.Claimed();
            } catch (SQLException insertFailed) {
                // Portable way to tell "the key is taken" from a real failure: look for the row.
                Optional<Claim> existing = existingClaim(connection, tokenHash, key, bodySha256, now);
                if (existing.isEmpty()) {
                    throw insertFailed;
                }
                return existing.get();
            }
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
        try (Connection connection = connections.open(); PreparedStatement delete = connection.prepareStatement(
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
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO inbox_question (id, token_hash, idempotency_key, topic, country, language,
                            message, contact, received_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
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
        try (Connection connection = connections.open(); PreparedStatement query = connection.prepareStatement("""
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
        try (Connection connection = connections.open(); PreparedStatement delete = connection.prepareStatement(
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
            Optional<String> contact, Instant receivedAt, Optional<String> answer, Optional<Instant> answeredAt) {}

    /** Questions without an answer, oldest first within each topic and country. */
    public List<DeskQuestion> openQuestions() {
        return desk("""
                SELECT id, topic, country, language, message, contact, received_at, answer, answered_at
                FROM inbox_question WHERE answered_at IS NULL ORDER BY topic, country, received_at, id""", 10_000);
    }

    public List<DeskQuestion> recentlyAnswered(int limit) {
        return desk("""
                SELECT id, topic, country, language, message, contact, received_at, answer, answered_at
                FROM inbox_question WHERE answered_at IS NOT NULL ORDER BY answered_at DESC, id""", limit);
    }

    private List<DeskQuestion> desk(String sql, int limit) {
        List<DeskQuestion> questions = new ArrayList<>();
        try (Connection connection = connections.open(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setMaxRows(limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long answeredAt = rows.getLong(9);
                    boolean answered = !rows.wasNull();
                    questions.add(new DeskQuestion(rows.getString(1),
                            Topic.fromCode(rows.getString(2)).orElse(Topic.REPORT_A_PROBLEM), rows.getString(3),
                            rows.getString(4), rows.getString(5), Optional.ofNullable(rows.getString(6)),
                            Instant.ofEpochMilli(rows.getLong(7)), Optional.ofNullable(rows.getString(8)),
                            answered ? Optional.of(Instant.ofEpochMilli(answeredAt)) : Optional.empty()));
                }
            }
        } catch (SQLException e) {
            throw new InboxException("read questions for the desk", e);
        }
        return questions;
    }

    /** Sets (or corrects) the answer to a question. Returns false when there is no such question. */
    public boolean answer(String id, String answer, Instant now) {
        try (Connection connection = connections.open(); PreparedStatement update = connection.prepareStatement(
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
        try (Connection connection = connections.open(); Statement statement = connection.createStatement();
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
