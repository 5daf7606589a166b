package tj.migrantsguide.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.Language;

/**
 * Each person's own dates (entry, registration, patent…), the deadlines last computed from them, and the notices
 * told once when an update moved or withdrew a rule: user.db, like ticks, so they survive every update and a
 * recovery of the files (Salvage copies every user table). Nothing here is ever sent. The computing is
 * {@code tj.migrantsguide.dates}; this class only keeps what it needs.
 */
public final class PersonalDates {

    private final Object lock;
    private final Connection connection;
    private final Clock clock;
    private final UserData user;

    PersonalDates(Object lock, Connection connection, Clock clock, UserData user) {
        this.lock = lock;
        this.connection = connection;
        this.clock = clock;
        this.user = user;
    }

    /** Sets (or changes) one of the person's days. Checking that the day makes sense is the caller's. */
    public void set(long personId, String countryCode, DateEvent event, LocalDate day) {
        synchronized (lock) {
            user.requirePerson(personId);
            execute("save a date", """
                    INSERT INTO personal_date (person, country, event, day, set_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT (person, country, event) DO UPDATE SET day = excluded.day, set_at = excluded.set_at""",
                    personId, countryCode, event.code(), day.toString(), clock.instant().toString());
        }
    }

    /** Forgets one day; true when there was one. */
    public boolean clear(long personId, String countryCode, DateEvent event) {
        synchronized (lock) {
            return execute("forget a date", "DELETE FROM personal_date WHERE person = ? AND country = ? AND event = ?",
                    personId, countryCode, event.code()) > 0;
        }
    }

    /** The person's days, by country and in the order of {@link DateEvent}. */
    public List<PersonalDate> dates(long personId) {
        synchronized (lock) {
            List<PersonalDate> dates = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT country, event, day, set_at FROM personal_date WHERE person = ? ORDER BY country")) {
                query.setLong(1, personId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Optional<DateEvent> event = DateEvent.fromCode(rows.getString(2));
                        if (event.isEmpty()) {
                            continue; // an event a newer app knew
                        }
                        dates.add(new PersonalDate(personId, rows.getString(1), event.get(),
                                LocalDate.parse(rows.getString(3)), Instant.parse(rows.getString(4))));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("read dates", e);
            }
            dates.sort(java.util.Comparator.comparing(PersonalDate::countryCode)
                    .thenComparing(PersonalDate::event));
            return dates;
        }
    }

    /** The deadlines last computed for the person, by rule id. */
    public List<SeenDeadline> seen(long personId) {
        synchronized (lock) {
            List<SeenDeadline> seen = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT rule, country, event, event_day, length, due, titles, withdrawn FROM date_seen
                    WHERE person = ? ORDER BY rule""")) {
                query.setLong(1, personId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        Optional<DateEvent> event = DateEvent.fromCode(rows.getString(3));
                        if (event.isEmpty()) {
                            continue; // an event a newer app knew
                        }
                        seen.add(new SeenDeadline(personId, rows.getString(1), rows.getString(2), event.get(),
                                LocalDate.parse(rows.getString(4)), rows.getString(5),
                                LocalDate.parse(rows.getString(6)), titles(rows.getString(7)), rows.getInt(8) != 0));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("read computed deadlines", e);
            }
            return seen;
        }
    }

    /**
     * Keeps what was just computed for the person and the notices it gave, in one transaction: a crash leaves either
     * both or neither, so a notice is written once and only once.
     *
     * @param seen every rule's deadline now (rows for rules not in it are kept as they are)
     */
    public void record(long personId, List<SeenDeadline> seen, List<DateNotice> notices) {
        synchronized (lock) {
            try {
                user.guard().check();
                connection.setAutoCommit(false);
                try (PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO date_seen (person, rule, country, event, event_day, length, due, titles,
                            withdrawn)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (person, rule) DO UPDATE SET country = excluded.country,
                            event = excluded.event, event_day = excluded.event_day, length = excluded.length, due = excluded.due,
                            titles = excluded.titles, withdrawn = excluded.withdrawn""")) {
                    for (SeenDeadline s : seen) {
                        upsert.setLong(1, personId);
                        upsert.setString(2, s.ruleId());
                        upsert.setString(3, s.countryCode());
                        upsert.setString(4, s.event().code());
                        upsert.setString(5, s.eventDay().toString());
                        upsert.setString(6, s.length());
                        upsert.setString(7, s.due().toString());
                        upsert.setString(8, titles(s.titles()));
                        upsert.setInt(9, s.withdrawn() ? 1 : 0);
                        upsert.addBatch();
                    }
                    upsert.executeBatch();
                }
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO date_notice (person, rule, country, kind, due_before, due_after, length_before,
                            length_after, titles, sources, verified, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    for (DateNotice n : notices) {
                        insert.setLong(1, personId);
                        insert.setString(2, n.ruleId());
                        insert.setString(3, n.countryCode());
                        insert.setString(4, n.kind().code());
                        insert.setString(5, n.dueBefore().toString());
                        insert.setString(6, n.dueAfter().map(LocalDate::toString).orElse(null));
                        insert.setString(7, n.lengthBefore());
                        insert.setString(8, n.lengthAfter().orElse(null));
                        insert.setString(9, titles(n.titles()));
                        insert.setString(10, StoredLists.strings(n.sources()));
                        insert.setString(11, StoredLists.date(n.verified()));
                        insert.setString(12, clock.instant().toString());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException e) {
                Transactions.rollbackQuietly(connection);
                throw new StoreException("record computed deadlines", e);
            } finally {
                Transactions.autoCommitQuietly(connection);
            }
        }
    }

    /** The person's notices, oldest first; only those not yet seen when {@code unseenOnly}. */
    public List<DateNotice> notices(long personId, boolean unseenOnly) {
        synchronized (lock) {
            List<DateNotice> notices = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, rule, country, kind, due_before, due_after, length_before, length_after, titles,
                        sources, verified, created_at, seen_at
                    FROM date_notice WHERE person = ?""" + (unseenOnly ? " AND seen_at IS NULL" : "")
                    + " ORDER BY id")) {
                query.setLong(1, personId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        notices.add(new DateNotice(rows.getLong(1), personId, rows.getString(2), rows.getString(3),
                                DateNotice.Kind.fromCode(rows.getString(4)), LocalDate.parse(rows.getString(5)),
                                Optional.ofNullable(rows.getString(6)).map(LocalDate::parse), rows.getString(7),
                                Optional.ofNullable(rows.getString(8)), titles(rows.getString(9)),
                                StoredLists.strings(rows.getString(10)), StoredLists.date(rows.getString(11)),
                                Instant.parse(rows.getString(12)),
                                Optional.ofNullable(rows.getString(13)).map(Instant::parse)));
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("read date notices", e);
            }
            return notices;
        }
    }

    /** The person has been told: the notice stays in the timeline but is not told again. */
    public void markSeen(long personId, long noticeId) {
        synchronized (lock) {
            execute("mark a date notice seen",
                    "UPDATE date_notice SET seen_at = ? WHERE person = ? AND id = ? AND seen_at IS NULL",
                    clock.instant().toString(), personId, noticeId);
        }
    }

    private int execute(String operation, String sql, Object... arguments) {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            user.guard().check();
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(operation, e);
        }
    }

    private static String titles(Map<Language, String> titles) {
        ObjectNode node = StoreJson.mapper().createObjectNode();
        titles.forEach((language, title) -> node.put(language.code(), title));
        return node.toString();
    }

    private static Map<Language, String> titles(String json) {
        Map<Language, String> titles = new EnumMap<>(Language.class);
        try {
            JsonNode node = StoreJson.mapper().readTree(json);
            node.fields().forEachRemaining(e -> Language.fromCode(e.getKey())
                    .ifPresent(l -> titles.put(l, e.getValue().asText())));
        } catch (JsonProcessingException e) {
            // a damaged row's titles: the rule's id is shown instead
        }
        return titles;
    }
}
