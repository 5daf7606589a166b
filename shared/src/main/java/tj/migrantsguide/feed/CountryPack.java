package tj.migrantsguide.feed;

import java.util.List;
import java.util.Objects;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.DateRule;
import tj.migrantsguide.guide.Language;

/**
 * Everything the guide says about one country in one language.
 *
 * @param rules the deadlines that keep a migrant legal there ({@link DateRule}); none in most packs
 */
public record CountryPack(
        String countryCode, Language language, List<Article> articles, List<Contact> contacts,
        List<Checklist> checklists, List<DateRule> rules) {
    public CountryPack {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(language, "language");
        articles = List.copyOf(articles);
        contacts = List.copyOf(contacts);
        checklists = List.copyOf(checklists);
        rules = List.copyOf(rules);
    }

    /** A pack without date rules. */
    public CountryPack(String countryCode, Language language, List<Article> articles, List<Contact> contacts,
            List<Checklist> checklists) {
        this(countryCode, language, articles, contacts, checklists, List.of());
    }

    /** Articles, contacts and checklist items: what "items" means in counts. */
    public int itemCount() {
        return articles.size() + contacts.size() + checklists.stream().mapToInt(c -> c.items().size()).sum();
    }

    public String packName() {
        return PackEntry.countryPackName(countryCode, language.code());
    }
}
