package tj.migrantsguide.content.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import tj.migrantsguide.questions.Topic;

/**
 * The desk's words in the Ministry's working languages: one resource per language, {@code desk/tg.properties},
 * {@code desk/ru.properties}, {@code desk/en.properties} (UTF-8), the same keys in each (DeskTextTest).
 */
final class DeskText {
    /** The desk's languages, Tajik first. English stays the default so that a desk without the cookie reads as before. */
    enum Language {
        TG, RU, EN;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Optional<Language> fromCode(String code) {
            for (Language language : values()) {
                if (language.code().equals(code)) {
                    return Optional.of(language);
                }
            }
            return Optional.empty();
        }
    }

    /** A key missing from a language's resource: a build defect, named with both. */
    static final class MissingText extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        MissingText(Language language, String key) {
            super("desk/" + language.code() + ".properties has no " + key);
        }
    }

    private static final Map<Language, Properties> ALL = load();

    private final Language language;

    private DeskText(Language language) {
        this.language = language;
    }

    static DeskText of(Language language) {
        return new DeskText(language);
    }

    Language language() {
        return language;
    }

    String get(String key) {
        String text = ALL.get(language).getProperty(key);
        if (text == null) {
            throw new MissingText(language, key);
        }
        return text;
    }

    /** A text with one number in it ({@code %d}). */
    String get(String key, long number) {
        return String.format(Locale.ROOT, get(key), number);
    }

    /** A text with values in it ({@code %s}, {@code %d}, in the order given). */
    String format(String key, Object... values) {
        return String.format(Locale.ROOT, get(key), values);
    }

    /** An action of the audit log in words; an action this desk has no words for (a newer node's) as its code. */
    String action(String code) {
        String text = ALL.get(language).getProperty("audit.action." + code);
        return text == null ? code : text;
    }

    String topic(Topic topic) {
        return get("topic." + topic.code());
    }

    static Set<String> keys(Language language) {
        return ALL.get(language).stringPropertyNames();
    }

    private static Map<Language, Properties> load() {
        Map<Language, Properties> all = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties texts = new Properties();
            try (InputStream in = DeskText.class.getResourceAsStream("/desk/" + language.code() + ".properties")) {
                if (in == null) {
                    throw new IllegalStateException("desk/" + language.code() + ".properties is not on the classpath");
                }
                texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("read desk/" + language.code() + ".properties", e);
            }
            all.put(language, texts);
        }
        return all;
    }
}
