package tj.migrantsguide.bench;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import tj.migrantsguide.feed.CommonPack;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.feed.Feed;
import tj.migrantsguide.feed.FeedIndex;
import tj.migrantsguide.feed.FeedReader;
import tj.migrantsguide.feed.PackEntry;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Concept;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.Country;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.guide.Stage;

/**
 * A made-up guide of a given size for measuring search: Tajik-, Russian- and English-like words built from each
 * language's letters (Tajik ones with ғ ӣ қ ӯ ҳ ҷ at about their real frequency), word lengths like the real
 * languages', word frequencies following Zipf's law as in any text. Nothing in it reads as real content: words are
 * nonsense, countries are "Z1".."Zn", and phone numbers start with 0 (no real number does), without a dial form.
 *
 * <p>Items are counted as {@code counts()} does: articles, contacts and checklist items.
 */
final class SyntheticCorpus {
    /** Words per language's vocabulary; with Zipf frequencies, a few hundred cover most of the text. */
    static final int VOCABULARY = 30_000;
    private static final int COUNTRIES = 20;
    private static final Instant PUBLISHED = Instant.parse("2026-11-01T00:00:00Z");

    private static final String TAJIK_CONSONANTS = "бвгғдҷжзйкқлмнпрстфхҳчшш";
    private static final String TAJIK_VOWELS = "аааеиӣоуӯяюёээ";
    private static final String RUSSIAN_CONSONANTS = "бвгджзйклмнпрстфхцчшщнтсрлвк";
    private static final String RUSSIAN_VOWELS = "аеёиоуыэюяьъаеиоо";
    private static final String ENGLISH_CONSONANTS = "bcdfghjklmnpqrstvwxyzrstnl";
    private static final String ENGLISH_VOWELS = "aeiouyaeio";

    private final Random random;
    private final Map<Language, List<String>> vocabulary;
    private final double[] zipf;

    /** The words of each language, most frequent first: the benchmark draws its queries from them. */
    record Generated(Feed feed, Map<Language, List<String>> vocabulary, List<String> phoneDigits) {}

    private SyntheticCorpus(long seed) {
        this.random = new Random(seed);
        this.zipf = zipfCumulative(VOCABULARY, 1.0);
        this.vocabulary = Map.of(
                Language.TAJIK, words(TAJIK_CONSONANTS, TAJIK_VOWELS, 6.0),
                Language.RUSSIAN, words(RUSSIAN_CONSONANTS, RUSSIAN_VOWELS, 6.5),
                Language.ENGLISH, words(ENGLISH_CONSONANTS, ENGLISH_VOWELS, 5.0));
    }

    /** A feed of about {@code items} items, split evenly over the three languages and 20 countries. */
    static Generated generate(int items, long seed) {
        return new SyntheticCorpus(seed).feed(items);
    }

    private Generated feed(int items) {
        int perPack = Math.max(1, items / (COUNTRIES * Language.values().length));
        List<Country> countries = new ArrayList<>();
        List<CountryPack> packs = new ArrayList<>();
        List<String> phoneDigits = new ArrayList<>();
        for (int c = 0; c < COUNTRIES; c++) {
            String code = "Z" + (char) ('A' + c);
            countries.add(new Country(code, Map.of(Language.TAJIK, sentence(Language.TAJIK, 2, 3),
                    Language.RUSSIAN, sentence(Language.RUSSIAN, 1, 2), Language.ENGLISH, sentence(Language.ENGLISH,
                            1, 2)), c));
            for (Language language : Language.values()) {
                packs.add(pack(code, language, perPack, phoneDigits));
            }
        }
        List<PackEntry> entries = new ArrayList<>();
        entries.add(entry(PackEntry.COMMON, "common"));
        for (CountryPack pack : packs) {
            entries.add(entry(pack.packName(), pack.packName() + items));
        }
        FeedIndex index = new FeedIndex(FeedIndex.FORMAT, 1, PUBLISHED, PUBLISHED.plusSeconds(180L * 86_400), entries);
        return new Generated(new Feed(index, new CommonPack(countries, concepts()), packs), vocabulary, phoneDigits);
    }

    /** Concepts in the synthetic table: twice the real table's 29, so that synonyms cost what they will. */
    static final int CONCEPTS = 60;

    /**
     * A concept table over the vocabulary (words of rank 10 to 3,000, so that the queries, drawn from titles, hit
     * them often): per language two words and one two-word phrase, no word in two concepts. Drawn with a generator
     * of its own, so that the items stay the same as without it.
     */
    private List<Concept> concepts() {
        Random draw = new Random(22);
        List<Concept> concepts = new ArrayList<>();
        Map<Language, java.util.Set<Integer>> used = new java.util.EnumMap<>(Language.class);
        for (int c = 0; c < CONCEPTS; c++) {
            Map<Language, List<String>> words = new java.util.EnumMap<>(Language.class);
            for (Language language : Language.values()) {
                java.util.Set<Integer> taken = used.computeIfAbsent(language, k -> new java.util.HashSet<>());
                List<String> pick = new ArrayList<>();
                for (int w = 0; w < 4; w++) {
                    int rank;
                    do {
                        rank = 10 + draw.nextInt(2_990);
                    } while (!taken.add(rank));
                    pick.add(vocabulary.get(language).get(rank));
                }
                words.put(language, List.of(pick.get(0), pick.get(1), pick.get(2) + " " + pick.get(3)));
            }
            concepts.add(new Concept("synthetic-" + c, words));
        }
        return concepts;
    }

    private CountryPack pack(String country, Language language, int items, List<String> phoneDigits) {
        // Ids are unique per language across countries, as the content linter requires.
        // Shares as in the real guide: about 40% articles, 15% contacts, 45% checklist items.
        int articles = items * 40 / 100;
        int contacts = items * 15 / 100;
        int checklistItems = items - articles - contacts;
        Optional<LocalDate> verified = Optional.of(LocalDate.of(2026, 11, 23));
        List<String> sources = List.of("synthetic");
        Stage[] stages = Stage.values();
        List<Article> articleList = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            articleList.add(new Article(country + "-a" + i, country, stages[i % 3], language, sentence(language, 3, 9),
                    paragraphs(language), sources, verified, i));
        }
        List<Contact> contactList = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            String display = String.format("0%02d-%02d-%02d-%02d", random.nextInt(100), random.nextInt(100),
                    random.nextInt(100), random.nextInt(100));
            phoneDigits.add(display.replace("-", ""));
            contactList.add(new Contact(country + "-c" + i, country, ContactKind.values()[i % ContactKind.values().length],
                    language, sentence(language, 3, 7), List.of(new Phone("", display)), sentence(language, 3, 6),
                    sentence(language, 2, 4), "", "", "", sentence(language, 8, 25), sources, verified,
                    i % 10 == 0, i));
        }
        List<Checklist> checklists = new ArrayList<>();
        int made = 0;
        for (int list = 0; made < checklistItems; list++) {
            List<ChecklistItem> listItems = new ArrayList<>();
            int size = Math.min(checklistItems - made, 4 + random.nextInt(9));
            for (int i = 0; i < size; i++) {
                listItems.add(new ChecklistItem("i" + i, sentence(language, 5, 16)));
            }
            made += size;
            checklists.add(new Checklist(country + "-l" + list, country, stages[list % 3], language, sentence(language, 2, 5),
                    listItems, sources, verified, list));
        }
        return new CountryPack(country, language, articleList, contactList, checklists);
    }

    private String paragraphs(Language language) {
        StringBuilder body = new StringBuilder();
        int count = 1 + random.nextInt(4);
        for (int p = 0; p < count; p++) {
            int sentences = 1 + random.nextInt(4);
            for (int s = 0; s < sentences; s++) {
                body.append(sentence(language, 5, 18)).append(". ");
            }
            body.append("\n\n");
        }
        return body.toString().strip();
    }

    private String sentence(Language language, int minWords, int maxWords) {
        List<String> words = vocabulary.get(language);
        int count = minWords + random.nextInt(maxWords - minWords + 1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String word = words.get(zipfRank());
            if (i == 0) {
                word = word.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + word.substring(1);
            }
            out.append(i == 0 ? "" : (random.nextInt(12) == 0 ? ", " : " ")).append(word);
        }
        return out.toString();
    }

    int zipfRank() {
        double u = random.nextDouble();
        int low = 0;
        int high = zipf.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (zipf[mid] < u) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private List<String> words(String consonants, String vowels, double meanLength) {
        List<String> words = new ArrayList<>(VOCABULARY);
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (words.size() < VOCABULARY) {
            // Frequent words are short, as in real text ("ва", "и", "the").
            double rankShare = (double) words.size() / VOCABULARY;
            int length = (int) Math.max(1, Math.round(meanLength * (0.4 + rankShare) + random.nextGaussian() * 1.6));
            length = Math.min(length, 16);
            StringBuilder word = new StringBuilder();
            boolean vowel = random.nextBoolean();
            while (word.length() < length) {
                String from = vowel ? vowels : consonants;
                word.append(from.charAt(random.nextInt(from.length())));
                vowel = random.nextInt(4) == 0 ? vowel : !vowel;
            }
            String w = word.toString();
            if (seen.add(w)) {
                words.add(w);
            }
        }
        return words;
    }

    private static double[] zipfCumulative(int size, double exponent) {
        double[] cumulative = new double[size];
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += 1.0 / Math.pow(i + 1, exponent);
            cumulative[i] = sum;
        }
        for (int i = 0; i < size; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private static PackEntry entry(String name, String content) {
        String sha = FeedReader.sha256Hex(content.getBytes(StandardCharsets.UTF_8));
        return new PackEntry(name, "packs/" + sha + ".json", content.length(), sha);
    }
}
