package tj.migrantsguide.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Stage;

/**
 * A large feed of made-up content for benchmarks: obviously synthetic names and no phone numbers, addresses or
 * dates that could be mistaken for facts. Ten countries × three languages; each pack holds articles, contacts and
 * checklists in about the proportions of the real guide, with texts about as long as real ones.
 */
final class SyntheticFeed {
    static final int COUNTRIES = 10;
    static final int ARTICLES_PER_PACK = 1334;
    static final int CONTACTS_PER_PACK = 1000;
    static final int CHECKLISTS_PER_PACK = 100;
    static final int ITEMS_PER_CHECKLIST = 10;
    /** 30 packs × (1334 + 1000 + 100 × 10) = 100,020 items. */
    static final int ITEMS = COUNTRIES * 3 * (ARTICLES_PER_PACK + CONTACTS_PER_PACK + CHECKLISTS_PER_PACK * ITEMS_PER_CHECKLIST);

    private static final String BODY = "Synthetic benchmark text. Бақайдгирӣ ва ҳуҷҷатҳо: матни санҷишӣ. "
            + "Синтетический текст для замеров. ".repeat(6);

    private SyntheticFeed() {}

    static String countryCode(int index) {
        return "Q" + (char) ('A' + index);
    }

    static CommonPack common() {
        List<Country> countries = new ArrayList<>();
        for (int c = 0; c < COUNTRIES; c++) {
            Map<Language, String> names = new EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                names.put(language, "Synthetic country " + countryCode(c) + " (" + language.code() + ")");
            }
            countries.add(new Country(countryCode(c), names, c));
        }
        return new CommonPack(countries);
    }

    static List<CountryPack> packs(String edition) {
        List<CountryPack> packs = new ArrayList<>();
        for (int c = 0; c < COUNTRIES; c++) {
            for (Language language : Language.values()) {
                packs.add(pack(countryCode(c), language, edition));
            }
        }
        return packs;
    }

    static CountryPack pack(String country, Language language, String edition) {
        Optional<LocalDate> verified = Optional.empty();
        List<String> sources = List.of("synthetic");
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES_PER_PACK; i++) {
            articles.add(new Article(country + "-article-" + i, country, Stage.values()[i % Stage.values().length],
                    language, "Synthetic article " + i + " " + edition, BODY + i, sources, verified, i));
        }
        List<Contact> contacts = new ArrayList<>();
        for (int i = 0; i < CONTACTS_PER_PACK; i++) {
            contacts.add(new Contact(country + "-contact-" + i, country, ContactKind.values()[i % ContactKind.values().length],
                    language, "Synthetic contact " + i, List.of(), "", "", "", "", "", "Synthetic note " + i, sources,
                    verified, false, i));
        }
        List<Checklist> checklists = new ArrayList<>();
        for (int i = 0; i < CHECKLISTS_PER_PACK; i++) {
            List<ChecklistItem> items = new ArrayList<>();
            for (int j = 0; j < ITEMS_PER_CHECKLIST; j++) {
                items.add(new ChecklistItem("item-" + j, "Synthetic step " + j + " of list " + i));
            }
            checklists.add(new Checklist(country + "-checklist-" + i, country, Stage.values()[i % Stage.values().length],
                    language, "Synthetic checklist " + i, items, sources, verified, i));
        }
        return new CountryPack(country, language, articles, contacts, checklists);
    }
}
