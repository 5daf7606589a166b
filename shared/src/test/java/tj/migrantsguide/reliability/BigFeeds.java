package tj.migrantsguide.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import tj.migrantsguide.TestFeeds;
import tj.migrantsguide.TestKeys;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.FeedWriter;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Stage;

/**
 * A synthetic guide large enough that installing it takes a noticeable time (thousands of rows and their search
 * index), for tests that kill or read during an install. Text is nonsense words, with one word that marks the
 * version in every title ({@link #marker(long)}), so a reader can tell which version a row or a search hit belongs
 * to. No phone numbers, addresses or dates that could be taken for real content.
 */
public final class BigFeeds {
    /** Eight countries of the guide, so the packs have realistic names. */
    static final List<String> COUNTRIES = List.of("RU", "KZ", "KG", "AE", "KR", "GB", "QA", "SA");
    private static final String LETTERS = "абвгғдеёжзиӣйкқлмнопрстуӯфхҳчҷшъэюя";

    private BigFeeds() {}

    /** The word every title of {@code version} carries, and no other version's. */
    public static String marker(long version) {
        return "нусха" + "абвгдежзийклмнопрст".charAt((int) (version % 19)) + "тест" + version;
    }

    /**
     * Writes version {@code version} of the synthetic guide to {@code folder}, signed with the development key.
     *
     * @param articles articles per country and language (each pack also has 5 contacts and 6 checklists of 6 items)
     */
    public static Path write(Path folder, long version, int articles) throws IOException {
        SplittableRandom random = new SplittableRandom(version * 7919);
        String marker = marker(version);
        List<CountryPack> packs = new ArrayList<>();
        List<Country> countries = new ArrayList<>();
        int order = 0;
        for (String code : COUNTRIES) {
            countries.add(new Country(code, Map.of(Language.TAJIK, code + " " + marker, Language.RUSSIAN, code,
                    Language.ENGLISH, code), ++order));
            for (Language language : Language.values()) {
                List<Article> a = new ArrayList<>();
                for (int i = 0; i < articles; i++) {
                    a.add(new Article(code.toLowerCase() + "-article-" + i, code, Stage.values()[i % 3], language,
                            marker + " " + words(random, 4), words(random, 120), List.of("synthetic:" + i),
                            Optional.of(LocalDate.of(2026, 1, 1)), i));
                }
                List<Contact> c = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    c.add(new Contact(code.toLowerCase() + "-contact-" + i, code, ContactKind.SERVICE, language, marker + " " + words(random, 3),
                            List.of(), "", "", "", "", "", words(random, 20), List.of("synthetic:" + i),
                            Optional.empty(), false, i));
                }
                List<Checklist> l = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    List<ChecklistItem> items = new ArrayList<>();
                    for (int j = 0; j < 6; j++) {
                        items.add(new ChecklistItem("item-" + j, words(random, 8)));
                    }
                    l.add(new Checklist(code.toLowerCase() + "-checklist-" + i, code, Stage.values()[i % 3], language,
                            marker + " " + words(random, 3), items, List.of("synthetic:" + i), Optional.empty(), i));
                }
                packs.add(new CountryPack(code, language, a, c, l));
            }
        }
        Instant published = TestFeeds.PUBLISHED.plusSeconds(version);
        FeedWriter.write(folder, version, published, TestFeeds.EXPIRES, new CommonPack(countries), packs, List.of(),
                List.of(TestKeys.development()));
        return folder;
    }

    private static String words(SplittableRandom random, int count) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < count; w++) {
            if (w > 0) {
                text.append(' ');
            }
            int length = 2 + random.nextInt(9);
            for (int i = 0; i < length; i++) {
                text.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
            }
        }
        return text.toString();
    }
}
