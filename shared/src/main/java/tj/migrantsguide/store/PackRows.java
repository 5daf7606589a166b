package tj.migrantsguide.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.DateEvent;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Obligation;
import tj.migrantsguide.guide.RuleLength;
import tj.migrantsguide.guide.Stage;

/**
 * The rows of one country pack read back as records, on whatever connection the caller is in: the reader's read
 * transaction for screens, or the writer's update transaction, which reads the old rows before replacing them to
 * record what changed ({@link ContentWriter}).
 */
final class PackRows {
    private PackRows() {}

    static List<Article> articles(Connection c, String countryCode, Language language) throws SQLException {
        List<Article> articles = new ArrayList<>();
        try (PreparedStatement query = packQuery(c, """
                SELECT id, stage, title, body, sources, verified, sort_order FROM article
                WHERE country = ? AND language = ? ORDER BY sort_order, id""", countryCode, language);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                articles.add(new Article(rows.getString(1), countryCode,
                        Stage.fromCode(rows.getString(2)).orElseThrow(), language, rows.getString(3),
                        rows.getString(4), StoredLists.strings(rows.getString(5)),
                        StoredLists.date(rows.getString(6)), rows.getInt(7)));
            }
        }
        return articles;
    }

    static List<Contact> contacts(Connection c, String countryCode, Language language) throws SQLException {
        List<Contact> contacts = new ArrayList<>();
        try (PreparedStatement query = packQuery(c, """
                SELECT id, kind, name, phones, address, hours, languages, email, website, note, sources, verified,
                    emergency, sort_order
                FROM contact WHERE country = ? AND language = ? ORDER BY sort_order, id""", countryCode, language);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                contacts.add(new Contact(rows.getString(1), countryCode,
                        ContactKind.fromCode(rows.getString(2)).orElseThrow(), language, rows.getString(3),
                        StoredLists.phones(rows.getString(4)), rows.getString(5), rows.getString(6),
                        rows.getString(7), rows.getString(8), rows.getString(9), rows.getString(10),
                        StoredLists.strings(rows.getString(11)), StoredLists.date(rows.getString(12)),
                        rows.getInt(13) != 0, rows.getInt(14)));
            }
        }
        return contacts;
    }

    static List<Checklist> checklists(Connection c, String countryCode, Language language) throws SQLException {
        List<Checklist> checklists = new ArrayList<>();
        try (PreparedStatement listQuery = packQuery(c, """
                SELECT id, stage, title, sources, verified, sort_order FROM checklist
                WHERE country = ? AND language = ? ORDER BY sort_order, id""", countryCode, language);
                PreparedStatement itemQuery = c.prepareStatement(
                        "SELECT id, text FROM checklist_item WHERE checklist = ? AND language = ? ORDER BY position");
                ResultSet rows = listQuery.executeQuery()) {
            while (rows.next()) {
                String id = rows.getString(1);
                List<ChecklistItem> items = new ArrayList<>();
                itemQuery.setString(1, id);
                itemQuery.setString(2, language.code());
                try (ResultSet itemRows = itemQuery.executeQuery()) {
                    while (itemRows.next()) {
                        items.add(new ChecklistItem(itemRows.getString(1), itemRows.getString(2)));
                    }
                }
                checklists.add(new Checklist(id, countryCode, Stage.fromCode(rows.getString(2)).orElseThrow(),
                        language, rows.getString(3), items, StoredLists.strings(rows.getString(4)),
                        StoredLists.date(rows.getString(5)), rows.getInt(6)));
            }
        }
        return checklists;
    }

    static List<DateRule> rules(Connection c, String countryCode, Language language) throws SQLException {
        List<DateRule> rules = new ArrayList<>();
        try (PreparedStatement query = packQuery(c, """
                SELECT id, obliges, counts_from, length, title, body, missed, article, contacts, sources, verified,
                    sort_order
                FROM date_rule WHERE country = ? AND language = ? ORDER BY sort_order, id""", countryCode, language);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                // Written by this app from a checked pack: a value it cannot read is a damaged row, not a rule.
                rules.add(new DateRule(rows.getString(1), countryCode, language,
                        Obligation.fromCode(rows.getString(2)).orElseThrow(),
                        DateEvent.fromCode(rows.getString(3)).orElseThrow(),
                        RuleLength.parse(rows.getString(4)).orElseThrow(), rows.getString(5), rows.getString(6),
                        rows.getString(7), rows.getString(8), StoredLists.strings(rows.getString(9)),
                        StoredLists.strings(rows.getString(10)), StoredLists.date(rows.getString(11)),
                        rows.getInt(12)));
            }
        }
        return rules;
    }

    /** The countries that have rules in {@code language}, in code order. */
    static List<String> ruleCountries(Connection c, Language language) throws SQLException {
        List<String> countries = new ArrayList<>();
        try (PreparedStatement query = c.prepareStatement(
                "SELECT DISTINCT country FROM date_rule WHERE language = ? ORDER BY country")) {
            query.setString(1, language.code());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    countries.add(rows.getString(1));
                }
            }
        }
        return countries;
    }

    /** A query over one country pack: {@code sql}'s two parameters are the country and the language. */
    private static PreparedStatement packQuery(Connection c, String sql, String countryCode, Language language)
            throws SQLException {
        PreparedStatement query = c.prepareStatement(sql);
        try {
            query.setString(1, countryCode);
            query.setString(2, language.code());
            return query;
        } catch (SQLException e) {
            query.close();
            throw e;
        }
    }
}
