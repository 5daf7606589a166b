package tj.migrantsguide.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.feed.CountryPack;
import tj.migrantsguide.guide.CallInstead;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.Language;

/** "Call … instead" over the real guide: which contacts without a number get a button, and to whom. */
class CallInsteadTest {
    private static Map<String, Contact> contacts(Language language) throws Exception {
        Map<String, Contact> contacts = new LinkedHashMap<>();
        for (CountryPack pack : SourceLoader.load(Path.of("guide"), new ArrayList<>()).countryPacks()) {
            if (pack.language() == language) {
                pack.contacts().forEach(c -> contacts.put(CallInstead.key(c), c));
            }
        }
        return contacts;
    }

    /** Contact → the contact its button calls, or "" for none, for every contact without a callable number. */
    private static Map<String, String> buttons(Language language) throws Exception {
        Map<String, Contact> contacts = contacts(language);
        Map<String, String> buttons = new TreeMap<>();
        for (Contact contact : contacts.values()) {
            if (contact.phones().stream().noneMatch(p -> p.canDial())) {
                buttons.put(CallInstead.key(contact), CallInstead.nearest(contact, contacts).map(CallInstead::key)
                        .orElse(""));
            }
        }
        return buttons;
    }

    @Test
    void everyTajikMissionInRussiaWithoutANumberSendsToTheMinistryOffice() throws Exception {
        for (Language language : Language.values()) {
            Map<String, String> buttons = buttons(language);
            for (String mission : List.of("RU/embassy-moscow", "RU/consular-service-moscow",
                    "RU/consulate-saint-petersburg", "RU/consulate-novosibirsk", "RU/consulate-yekaterinburg",
                    "RU/consulate-ufa")) {
                assertEquals("RU/ministry-office-russia", buttons.get(mission), language + " " + mission);
            }
        }
    }

    @Test
    void aContactWithACallableNumberNeedsNoButtonAndOneWithNoneNearGetsNone() throws Exception {
        Map<String, Contact> contacts = contacts(Language.ENGLISH);
        assertEquals(Optional.empty(), CallInstead.nearest(contacts.get("RU/ministry-office-russia"), contacts));
        // The guide has no verified number for Tajikistan's missions in Kazakhstan, nor for the Ministry's
        // consular department it links to: no button (the note says where to ask).
        assertEquals(Optional.empty(), CallInstead.nearest(contacts.get("KZ/embassy-kazakhstan"), contacts));
    }
}
