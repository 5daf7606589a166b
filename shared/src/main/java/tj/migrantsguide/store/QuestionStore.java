package tj.migrantsguide.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The question outbox on the device (tables of migration 3): questions the person wrote, the per-install token
 * that reads their answers, and deletions still to be done on the server. User data: content updates never touch
 * these tables.
 *
 * <p>The tables live in the data folder's user.db (never touched by content updates or content recovery). The
 * outbox has its own connection to that file, beside {@link GuideStore}'s: SQLite serialises the writes and WAL
 * lets screens read meanwhile. Open the guide first: {@link GuideStore#open} is what detects and repairs a damaged
 * user file.
 */
public final class QuestionStore implements AutoCloseable {
    public static final String WAITING = "waiting";
    public static final String SENT = "sent";
    public static final String ANSWERED = "answered";
    public static final String FAILED = "failed";

    private static final String COLUMNS = """
            id, idempotency_key, server, topic, country, language, message, contact, body, created_at, state,
            attempts, next_attempt_at, last_attempt_at, last_problem, server_id, sent_at, answer, answered_at,
            answer_seen, failure_status, failure_reason""";

    private final Path file;
    private final Connection connection;
    private final WriteGuard guard;
    private final Optional<GuideStore.ReadOnly> readOnly;
    private final Optional<Path> sessionCopy;

    private QuestionStore(Path file, Connection connection, WriteGuard guard, Optional<GuideStore.ReadOnly> readOnly,
            Optional<Path> sessionCopy) {
        this.file = file;
        this.connection = connection;
        this.guard = guard;
        this.readOnly = readOnly;
        this.sessionCopy = sessionCopy;
    }

    /**
     * Opens the user file of the data folder (creating it if needed) and brings its schema up to date. On storage
     * that cannot take a write (read-only, no permission, full) it opens as {@link GuideStore#open} does: a copy of
     * the file made for this session, for reading; every write is then refused with that problem
     * ({@link StoreException#problem()}), before anything of it is done.
     */
    public static QuestionStore open(Path dataFolder) {
        Path real = dataFolder.toAbsolutePath().resolve(StoreFile.USER.fileName());
        Optional<GuideStore.ReadOnly> readOnly = GuideStore.ReadOnly.of(dataFolder.toAbsolutePath());
        Optional<Path> copy = Optional.empty();
        if (readOnly.isPresent()) {
            try {
                copy = Optional.of(DataFolder.sessionCopy(dataFolder.toAbsolutePath(), List.of(StoreFile.USER)));
            } catch (java.io.IOException e) {
                throw new StoreException("open " + real + " for reading (" + readOnly.get().describe() + ")", e);
            }
        }
        Path file = copy.map(c -> c.resolve(StoreFile.USER.fileName())).orElse(real);
        try {
            Files.createDirectories(file.getParent());
            java.util.Properties properties = new java.util.Properties();
            // Every transaction here writes. Taking the write lock at BEGIN makes a second writer wait (busy
            // timeout) instead of failing when a read-then-write transaction tries to upgrade its lock.
            properties.setProperty("transaction_mode", "IMMEDIATE");
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), properties);
            try (Statement statement = connection.createStatement()) {
                // Another connection (the guide's, another process) may be writing: wait for it instead of failing.
                statement.execute("PRAGMA busy_timeout = 10000");
                statement.execute("PRAGMA journal_mode = WAL");
                // NORMAL for what the outbox learns (attempts, "sent", answers): after a power cut it may be lost
                // and is learnt again from the server. What the person did (a question, a deletion, the token that
                // reads the answers) is written with FULL: see durably().
                statement.execute("PRAGMA synchronous = NORMAL");
            }
            Migrations.migrate(connection, StoreFile.USER);
            if (readOnly.isPresent()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA query_only = 1");
                }
            }
            return new QuestionStore(real, connection, WriteGuard.of(file, readOnly), readOnly, copy);
        } catch (SQLException | java.io.IOException e) {
            copy.ifPresent(DataFolder::deleteSessionCopy);
            throw new StoreException("open " + real, e);
        }
    }

    /** The data folder's user file (a session copy of it is what is read when {@link #readOnly()} is present). */
    public Path file() {
        return file;
    }

    /** Present when the folder could not take a write at open: questions read, saving them is refused by name. */
    public Optional<GuideStore.ReadOnly> readOnly() {
        return readOnly;
    }

    // ---- device token ----

    /** The install's token, created by {@code newToken} on first use and kept for the life of the install. */
    public synchronized String deviceToken(Supplier<String> newToken, Instant now) {
        try {
            Optional<String> existing = readToken();
            if (existing.isPresent()) {
                return existing.get();
            }
            durably(() -> {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO question_device (id, token, created_at) VALUES (1, ?, ?) ON CONFLICT(id) DO NOTHING")) {
                    insert.setString(1, newToken.get());
                    insert.setLong(2, now.toEpochMilli());
                    return insert.executeUpdate();
                }
            });
            // Another process may have won the race; everyone uses the stored one.
            return readToken().orElseThrow(() -> new SQLException("device token not stored"));
        } catch (SQLException e) {
            throw new StoreException("read the device token", e);
        }
    }

    private Optional<String> readToken() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT token FROM question_device WHERE id = 1");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    // ---- writing a question ----

    /** What is saved when the person presses "send": everything needed to send it later, again and again. */
    public record NewQuestion(String idempotencyKey, String server, String topic, String country, String language,
            String message, Optional<String> contact, byte[] body, Instant createdAt) {
        public NewQuestion {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }

    /** Saves a question as waiting, due at once. Returns it as stored. */
    public synchronized StoredQuestion insert(NewQuestion q) {
        String sql = """
                INSERT INTO question (idempotency_key, server, topic, country, language, message, contact, body,
                    created_at, state, attempts, next_attempt_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting', 0, ?)""";
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, q.idempotencyKey());
            insert.setString(2, q.server());
            insert.setString(3, q.topic());
            insert.setString(4, q.country());
            insert.setString(5, q.language());
            insert.setString(6, q.message());
            setOptionalString(insert, 7, q.contact());
            insert.setBytes(8, q.body());
            insert.setLong(9, q.createdAt().toEpochMilli());
            insert.setLong(10, q.createdAt().toEpochMilli());
            durably(insert::executeUpdate);
            long id;
            try (ResultSet keys = insert.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("no id for the new question");
                }
                id = keys.getLong(1);
            }
            return find(id).orElseThrow(() -> new SQLException("question " + id + " not found after saving"));
        } catch (SQLException e) {
            throw new StoreException("save a question", e);
        }
    }

    /** Counts an attempt before the request leaves, so that a crash during it is still counted. */
    public synchronized void recordAttempt(long id, Instant at) {
        update("record a send attempt", """
                UPDATE question SET attempts = attempts + 1, last_attempt_at = ? WHERE id = ? AND state = 'waiting'""",
                at.toEpochMilli(), id);
    }

    /**
     * The server has the question. When the person deleted it while the request was on its way, the pending
     * deletion learns the server's id instead, so that the question can be deleted there too.
     */
    public synchronized void markSent(String idempotencyKey, Optional<String> serverId, Instant sentAt) {
        try {
            begin();
            int rows = executeUpdate("""
                    UPDATE question SET state = 'sent', server_id = ?, sent_at = ?, next_attempt_at = NULL,
                        last_problem = NULL, failure_status = NULL, failure_reason = NULL
                    WHERE idempotency_key = ? AND state IN ('waiting', 'failed')""",
                    serverId.orElse(null), sentAt.toEpochMilli(), idempotencyKey);
            if (rows == 0) {
                executeUpdate("""
                        UPDATE question SET server_id = COALESCE(server_id, ?) WHERE idempotency_key = ?""",
                        serverId.orElse(null), idempotencyKey);
                executeUpdate("""
                        UPDATE question_deletion SET server_id = COALESCE(server_id, ?) WHERE idempotency_key = ?""",
                        serverId.orElse(null), idempotencyKey);
            }
            connection.commit();
        } catch (SQLException e) {
            Transactions.rollbackQuietly(connection);
            throw new StoreException("mark a question sent", e);
        } finally {
            Transactions.autoCommitQuietly(connection);
        }
    }

    /** The attempt did not go through for a reason that may pass (offline, busy server): try again at {@code next}. */
    public synchronized void reschedule(long id, Instant next, String problem) {
        update("reschedule a question", """
                UPDATE question SET next_attempt_at = ?, last_problem = ? WHERE id = ? AND state = 'waiting'""",
                next.toEpochMilli(), problem, id);
    }

    /** The server refused the question for good; {@code reason} says why, for the person. */
    public synchronized void markFailed(long id, int status, String reason) {
        update("mark a question failed", """
                UPDATE question SET state = 'failed', failure_status = ?, failure_reason = ?, next_attempt_at = NULL
                WHERE id = ? AND state = 'waiting'""",
                status, reason, id);
    }

    /** A failed question goes back to waiting (the person pressed "try again"), with the same key and body. */
    public synchronized boolean retry(long id, Instant now) {
        return update("retry a question", """
                UPDATE question SET state = 'waiting', next_attempt_at = ?, failure_status = NULL,
                    failure_reason = NULL, last_problem = NULL
                WHERE id = ? AND state = 'failed'""",
                now.toEpochMilli(), id) > 0;
    }

    /**
     * Sends the questions the server has not acknowledged (waiting or failed) to another server from now on, due
     * now, with their same key and body. Returns how many were moved.
     */
    public synchronized int readdressUnacknowledged(String server, Instant now) {
        return update("move questions to another server", """
                UPDATE question SET server = ?, state = 'waiting', next_attempt_at = ?, failure_status = NULL,
                    failure_reason = NULL, last_problem = NULL
                WHERE state IN ('waiting', 'failed') AND server <> ?""",
                server, now.toEpochMilli(), server);
    }

    /**
     * Records what the server holds for a question: its id and, when there is one, the answer. A new or changed
     * answer is marked unseen. Returns true when the answer is new or changed.
     */
    public synchronized boolean recordRemote(String idempotencyKey, String serverId, Instant receivedAt,
            Optional<String> answer, Optional<Instant> answeredAt) {
        try {
            begin();
            // A question still waiting whose acknowledgement was lost (app killed, connection cut) is on the server.
            executeUpdate("""
                    UPDATE question SET state = 'sent', server_id = ?, sent_at = ?, next_attempt_at = NULL,
                        last_problem = NULL
                    WHERE idempotency_key = ? AND state IN ('waiting', 'failed')""",
                    serverId, receivedAt.toEpochMilli(), idempotencyKey);
            executeUpdate("UPDATE question SET server_id = ? WHERE idempotency_key = ? AND server_id IS NULL",
                    serverId, idempotencyKey);
            int changed = 0;
            if (answer.isPresent()) {
                changed = executeUpdate("""
                        UPDATE question SET state = 'answered', answer = ?, answered_at = ?, answer_seen = 0
                        WHERE idempotency_key = ? AND (answer IS NULL OR answer <> ?)""",
                        answer.get(), answeredAt.orElse(receivedAt).toEpochMilli(), idempotencyKey, answer.get());
            }
            connection.commit();
            return changed > 0;
        } catch (SQLException e) {
            Transactions.rollbackQuietly(connection);
            throw new StoreException("record an answer", e);
        } finally {
            Transactions.autoCommitQuietly(connection);
        }
    }

    public synchronized boolean markAnswerSeen(long id) {
        return update("mark an answer seen",
                "UPDATE question SET answer_seen = 1 WHERE id = ? AND answer IS NOT NULL AND answer_seen = 0", id) > 0;
    }

    /**
     * Deletes a question from the device. If it may have reached the server (it was ever put on the wire), a
     * deletion is kept so that the server is asked to delete it too. Returns false when there was no such question.
     */
    public synchronized boolean delete(long id, Instant now) {
        try {
            return durably(() -> deleteInOneTransaction(id, now));
        } catch (SQLException e) {
            throw new StoreException("delete question " + id, e);
        }
    }

    private boolean deleteInOneTransaction(long id, Instant now) throws SQLException {
        try {
            begin();
            Optional<StoredQuestion> question = find(id);
            if (question.isEmpty()) {
                connection.rollback();
                return false;
            }
            StoredQuestion q = question.get();
            if (q.attempts() > 0 || q.serverId().isPresent()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO question_deletion (idempotency_key, server, server_id, last_send_attempt_at,
                            requested_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(idempotency_key) DO NOTHING""")) {
                    insert.setString(1, q.idempotencyKey());
                    insert.setString(2, q.server());
                    setOptionalString(insert, 3, q.serverId());
                    if (q.lastAttemptAt().isPresent()) {
                        insert.setLong(4, q.lastAttemptAt().get().toEpochMilli());
                    } else {
                        insert.setNull(4, Types.INTEGER);
                    }
                    insert.setLong(5, now.toEpochMilli());
                    insert.executeUpdate();
                }
            }
            executeUpdate("DELETE FROM question WHERE id = ?", id);
            connection.commit();
            return true;
        } catch (SQLException e) {
            Transactions.rollbackQuietly(connection);
            throw e;
        } finally {
            Transactions.autoCommitQuietly(connection);
        }
    }

    public synchronized List<QuestionDeletion> deletions() {
        List<QuestionDeletion> deletions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT idempotency_key, server, server_id, last_send_attempt_at, requested_at
                FROM question_deletion ORDER BY requested_at, idempotency_key""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                deletions.add(new QuestionDeletion(rows.getString(1), rows.getString(2),
                        Optional.ofNullable(rows.getString(3)), instant(rows, 4), Instant.ofEpochMilli(rows.getLong(5))));
            }
        } catch (SQLException e) {
            throw new StoreException("read pending deletions", e);
        }
        return deletions;
    }

    /** The server no longer has the question (deleted, or it never arrived). */
    public synchronized void forgetDeletion(String idempotencyKey) {
        update("forget a deletion", "DELETE FROM question_deletion WHERE idempotency_key = ?", idempotencyKey);
    }

    // ---- reading ----

    public synchronized Optional<StoredQuestion> find(long id) {
        List<StoredQuestion> found = select("SELECT " + COLUMNS + " FROM question WHERE id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Every question on the device, newest first. */
    public synchronized List<StoredQuestion> all() {
        return select("SELECT " + COLUMNS + " FROM question ORDER BY created_at DESC, id DESC");
    }

    /** Waiting questions whose next attempt is due at {@code now}, oldest first. */
    public synchronized List<StoredQuestion> due(Instant now) {
        return select("SELECT " + COLUMNS + " FROM question WHERE state = 'waiting' AND next_attempt_at <= ? "
                + "ORDER BY created_at, id", now.toEpochMilli());
    }

    /** Every waiting question, oldest first, whenever its next attempt was planned. */
    public synchronized List<StoredQuestion> waiting() {
        return select("SELECT " + COLUMNS + " FROM question WHERE state = 'waiting' ORDER BY created_at, id");
    }

    /** The servers this device's questions and pending deletions concern. */
    public synchronized List<String> servers() {
        List<String> servers = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT server FROM question UNION SELECT server FROM question_deletion ORDER BY 1""");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                servers.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("read servers", e);
        }
        return servers;
    }

    public synchronized Optional<Instant> nextAttemptAt() {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT min(next_attempt_at) FROM question WHERE state = 'waiting'");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? instant(rows, 1) : Optional.empty();
        } catch (SQLException e) {
            throw new StoreException("read the next attempt", e);
        }
    }

    public synchronized int unseenAnswers() {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM question WHERE answer IS NOT NULL AND answer_seen = 0");
                ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            throw new StoreException("count new answers", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("close " + file, e);
        } finally {
            sessionCopy.ifPresent(DataFolder::deleteSessionCopy);
        }
    }

    // ---- helpers ----

    private interface Write<T> {
        T run() throws SQLException;
    }

    /**
     * Runs a write that must survive a power cut, not only a killed app: synchronous FULL makes its commit wait
     * for the disk (and flushes anything committed before it). Costs one fsync; used for the person's own acts.
     */
    /** A write transaction, once the guard let it: BEGIN IMMEDIATE already needs a writable file. */
    private void begin() throws SQLException {
        guard.check();
        connection.setAutoCommit(false);
    }

    private <T> T durably(Write<T> write) throws SQLException {
        guard.check();
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA synchronous = FULL");
        }
        try {
            return write.run();
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA synchronous = NORMAL");
            }
        }
    }

    private List<StoredQuestion> select(String sql, Object... parameters) {
        List<StoredQuestion> questions = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            bind(query, parameters);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    questions.add(new StoredQuestion(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            Optional.ofNullable(rows.getString(8)),
                            rows.getBytes(9),
                            Instant.ofEpochMilli(rows.getLong(10)),
                            rows.getString(11),
                            rows.getInt(12),
                            instant(rows, 13),
                            instant(rows, 14),
                            Optional.ofNullable(rows.getString(15)),
                            Optional.ofNullable(rows.getString(16)),
                            instant(rows, 17),
                            Optional.ofNullable(rows.getString(18)),
                            instant(rows, 19),
                            rows.getInt(20) != 0,
                            integer(rows, 21),
                            Optional.ofNullable(rows.getString(22))));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("read questions", e);
        }
        return questions;
    }

    private int update(String operation, String sql, Object... parameters) {
        try {
            return executeUpdate(sql, parameters);
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    private int executeUpdate(String sql, Object... parameters) throws SQLException {
        guard.check();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p == null) {
                statement.setNull(i + 1, Types.VARCHAR);
            } else if (p instanceof Long l) {
                statement.setLong(i + 1, l);
            } else if (p instanceof Integer n) {
                statement.setInt(i + 1, n);
            } else {
                statement.setString(i + 1, p.toString());
            }
        }
    }

    private static void setOptionalString(PreparedStatement statement, int index, Optional<String> value)
            throws SQLException {
        if (value.isPresent()) {
            statement.setString(index, value.get());
        } else {
            statement.setNull(index, Types.VARCHAR);
        }
    }

    private static Optional<Instant> instant(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(value));
    }

    private static Optional<Integer> integer(ResultSet rows, int column) throws SQLException {
        int value = rows.getInt(column);
        return rows.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
