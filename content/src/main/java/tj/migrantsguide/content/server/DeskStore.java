package tj.migrantsguide.content.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tj.migrantsguide.questions.Topic;

/** The desk's own tables (V3): operators, their lockout, sessions, the audit log. Every SQL string of the desk. */
public final class DeskStore {
    /** What an operator may do: operators answer; supervisors also read the audit log. */
    public enum Role {
        OPERATOR, SUPERVISOR;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Role> fromCode(String code) {
            for (Role role : values()) {
                if (role.code().equals(code)) {
                    return Optional.of(role);
                }
            }
            return Optional.empty();
        }
    }

    public record Operator(String name, String passwordHash, Role role, Optional<Instant> lockedUntil) {}

    public record Session(String operator, Role role, String csrf) {}

    public record AuditEntry(Instant at, String operator, String action, Optional<String> questionId, String detail) {}

    /** A text a supervisor wrote for one topic; an operator fills an answer with it and edits it (V4). */
    public record AnswerTemplate(String id, Topic topic, String title, String body, String updatedBy,
            Instant updatedAt) {}

    /** A supervisor's mark on a device token: its new questions are refused (V5). */
    public record AbusiveMark(String tokenHash, String questionId, String markedBy, Instant markedAt) {}

    /** An operator of that name exists already. */
    public static final class OperatorExists extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String name;

        OperatorExists(String name) {
            super("there is already an operator " + name);
            this.name = name;
        }

        public String name() {
            return name;
        }
    }

    private final InboxDatabase database;

    DeskStore(InboxDatabase database) {
        this.database = database;
    }

    public void addOperator(String name, String passwordHash, Role role, Instant now) {
        int added = update("add an operator", """
                INSERT INTO desk_operator (name, password_hash, role, created_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", name, passwordHash, role.code(), now.toEpochMilli());
        if (added == 0) {
            throw new OperatorExists(name);
        }
    }

    public Optional<Operator> operator(String name) {
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(
                "SELECT name, password_hash, role, locked_until FROM desk_operator WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long lockedUntil = rows.getLong(4);
                boolean locked = !rows.wasNull();
                return Optional.of(new Operator(rows.getString(1), rows.getString(2),
                        Role.fromCode(rows.getString(3)).orElse(Role.OPERATOR),
                        locked ? Optional.of(Instant.ofEpochMilli(lockedUntil)) : Optional.empty()));
            }
        } catch (SQLException e) {
            throw new InboxStore.InboxException("read an operator", e);
        }
    }

    public boolean anyOperator() {
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM desk_operator"); ResultSet rows = query.executeQuery()) {
            return rows.next() && rows.getLong(1) > 0;
        } catch (SQLException e) {
            throw new InboxStore.InboxException("count operators", e);
        }
    }

    /** One more wrong password; the {@code limit}-th in a row locks the account until {@code now + lockout}. */
    public void recordFailedLogin(String name, Instant now, int limit, Duration lockout) {
        update("count a wrong password", "UPDATE desk_operator SET failed_logins = failed_logins + 1 WHERE name = ?",
                name);
        update("lock an operator out", """
                UPDATE desk_operator SET locked_until = ?, failed_logins = 0 WHERE name = ? AND failed_logins >= ?""",
                now.plus(lockout).toEpochMilli(), name, limit);
    }

    public void recordLogin(String name) {
        update("record a login", "UPDATE desk_operator SET failed_logins = 0, locked_until = NULL WHERE name = ?",
                name);
    }

    public void startSession(String tokenHash, String operator, String csrf, Instant now, Instant expires) {
        update("start a session", """
                INSERT INTO desk_session (token_hash, operator, csrf, created_at, expires_at) VALUES (?, ?, ?, ?, ?)""",
                tokenHash, operator, csrf, now.toEpochMilli(), expires.toEpochMilli());
    }

    public Optional<Session> session(String tokenHash, Instant now) {
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement("""
                SELECT s.operator, o.role, s.csrf FROM desk_session s JOIN desk_operator o ON o.name = s.operator
                WHERE s.token_hash = ? AND s.expires_at > ?""")) {
            query.setString(1, tokenHash);
            query.setLong(2, now.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(new Session(rows.getString(1),
                        Role.fromCode(rows.getString(2)).orElse(Role.OPERATOR), rows.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new InboxStore.InboxException("read a session", e);
        }
    }

    public void endSession(String tokenHash) {
        update("end a session", "DELETE FROM desk_session WHERE token_hash = ?", tokenHash);
    }

    public void audit(String id, Instant at, String operator, String action, Optional<String> questionId,
            String detail) {
        update("write the audit log", """
                INSERT INTO desk_audit (id, at, operator, action, question_id, detail) VALUES (?, ?, ?, ?, ?, ?)""",
                id, at.toEpochMilli(), operator, action, questionId.orElse(null),
                detail.length() > 500 ? detail.substring(0, 500) : detail);
    }

    /** The newest {@code limit} entries, newest first. */
    public List<AuditEntry> audit(int limit) {
        List<AuditEntry> entries = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement("""
                SELECT at, operator, action, question_id, detail FROM desk_audit ORDER BY at DESC, id DESC LIMIT ?""")) {
            query.setInt(1, limit);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(Instant.ofEpochMilli(rows.getLong(1)), rows.getString(2),
                            rows.getString(3), Optional.ofNullable(rows.getString(4)), rows.getString(5)));
                }
            }
        } catch (SQLException e) {
            throw new InboxStore.InboxException("read the audit log", e);
        }
        return entries;
    }

    /** Adds template {@code id}, or replaces its topic, title and body when it exists. */
    public void saveTemplate(AnswerTemplate template) {
        int changed = update("edit an answer template", """
                UPDATE desk_template SET topic = ?, title = ?, body = ?, updated_by = ?, updated_at = ? WHERE id = ?""",
                template.topic().code(), template.title(), template.body(), template.updatedBy(),
                template.updatedAt().toEpochMilli(), template.id());
        if (changed == 0) {
            update("add an answer template", """
                    INSERT INTO desk_template (id, topic, title, body, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""", template.id(), template.topic().code(), template.title(),
                    template.body(), template.updatedBy(), template.updatedAt().toEpochMilli());
        }
    }

    /** Every template, by topic then title. */
    public List<AnswerTemplate> templates() {
        return templates("SELECT id, topic, title, body, updated_by, updated_at FROM desk_template "
                + "ORDER BY topic, title, id", null);
    }

    public Optional<AnswerTemplate> template(String id) {
        return templates("SELECT id, topic, title, body, updated_by, updated_at FROM desk_template WHERE id = ?", id)
                .stream().findFirst();
    }

    private List<AnswerTemplate> templates(String sql, String id) {
        List<AnswerTemplate> templates = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(
                sql)) {
            if (id != null) {
                query.setString(1, id);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Optional<Topic> topic = Topic.fromCode(rows.getString(2));
                    if (topic.isPresent()) { // a topic the app no longer has: its templates are not offered
                        templates.add(new AnswerTemplate(rows.getString(1), topic.get(), rows.getString(3),
                                rows.getString(4), rows.getString(5), Instant.ofEpochMilli(rows.getLong(6))));
                    }
                }
            }
        } catch (SQLException e) {
            throw new InboxStore.InboxException("read answer templates", e);
        }
        return templates;
    }

    /**
     * Marks the token that sent question {@code questionId} as abusive. Returns false when there is no such
     * question; marking a token marked already keeps the first mark.
     */
    public boolean markAbusive(String questionId, String supervisor, Instant now) {
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM inbox_question WHERE id = ?")) {
            query.setString(1, questionId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next() || rows.getLong(1) == 0) {
                    return false;
                }
            }
        } catch (SQLException e) {
            throw new InboxStore.InboxException("find a question to mark", e);
        }
        update("mark a token abusive", """
                INSERT INTO desk_abusive_token (token_hash, question_id, marked_by, marked_at)
                SELECT token_hash, id, ?, ? FROM inbox_question WHERE id = ?
                ON CONFLICT DO NOTHING""", supervisor, now.toEpochMilli(), questionId);
        return true;
    }

    /** Undoes the mark made from question {@code questionId} (or on its token); false when there was none. */
    public boolean unmarkAbusive(String questionId) {
        return update("undo an abusive mark", """
                DELETE FROM desk_abusive_token WHERE question_id = ?
                    OR token_hash = (SELECT token_hash FROM inbox_question WHERE id = ?)""", questionId, questionId) > 0;
    }

    public Optional<AbusiveMark> abusiveMark(String tokenHash) {
        return marks("SELECT token_hash, question_id, marked_by, marked_at FROM desk_abusive_token "
                + "WHERE token_hash = ?", tokenHash).stream().findFirst();
    }

    /** Every mark, newest first. */
    public List<AbusiveMark> abusiveMarks() {
        return marks("SELECT token_hash, question_id, marked_by, marked_at FROM desk_abusive_token "
                + "ORDER BY marked_at DESC, token_hash");
    }

    private List<AbusiveMark> marks(String sql, Object... parameters) {
        List<AbusiveMark> marks = new ArrayList<>();
        try (Connection connection = database.connection(); PreparedStatement query = connection.prepareStatement(
                sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    marks.add(new AbusiveMark(rows.getString(1), rows.getString(2), rows.getString(3),
                            Instant.ofEpochMilli(rows.getLong(4))));
                }
            }
        } catch (SQLException e) {
            throw new InboxStore.InboxException("read abusive marks", e);
        }
        return marks;
    }

    private int update(String operation, String sql, Object... parameters) {
        try (Connection connection = database.connection(); PreparedStatement statement = connection.prepareStatement(
                sql)) {
            for (int i = 0; i < parameters.length; i++) {
                if (parameters[i] == null) {
                    statement.setNull(i + 1, Types.VARCHAR);
                } else {
                    statement.setObject(i + 1, parameters[i]);
                }
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new InboxStore.InboxException(operation, e);
        }
    }
}
