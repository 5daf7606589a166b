package tj.migrantsguide.feed;

import java.util.List;
import java.util.Objects;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.Language;

/** Everything the guide says about one country in one language. */
public record CountryPack(String countryCode, Language language, List<Article> articles, List<Contact> contacts) {
    public CountryPack {
        Objects.requireNonNull(countryCode, "countryCode");
        Objects.requireNonNull(language, "language");
        articles = List.copyOf(articles);
        contacts = List.copyOf(contacts);
    }

    public String packName() {
        return PackEntry.countryPackName(countryCode, language.code());
    }
}
