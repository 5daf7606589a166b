package tj.migrantsguide.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.guide.Phone;

class StoredListsTest {
    @Test
    void listsReadBackAsWritten() {
        List<String> sources = List.of("source: 001:466 | \"Телефони боварӣ\"", "", "a\\b\n\tc", "ғ ӣ қ ӯ ҳ ҷ 😀");
        List<Phone> phones = List.of(new Phone("+992372212000", "+992 37 221 20 00"), new Phone("112", "112"));

        assertEquals(sources, StoredLists.strings(StoredLists.strings(sources)));
        assertEquals(List.of(), StoredLists.strings(StoredLists.strings(List.of())));
        assertEquals(phones, StoredLists.phones(StoredLists.phones(phones)));
        assertEquals("[{\"dial\":\"112\",\"display\":\"112\"}]", StoredLists.phones(List.of(new Phone("112", "112"))));
    }

    @Test
    void aMissingFieldReadsAsAbsentAndANumberAsItsText() {
        assertEquals(List.of(Map.of("dial", "112")), StoredLists.phoneRows("[{\"dial\": 112}]"));
        assertEquals(List.of("7", "true"), StoredLists.strings("[7, true]"));
    }

    @Test
    void damagedTextIsTheStoresFailureNamingWhatWasRead() {
        for (String damaged : List.of("", "[\"a\"", "{\"dial\":\"1\"}", "[[\"a\"]]", "[\"a\"] x", "nonsense")) {
            StoreException e = assertThrows(StoreException.class, () -> StoredLists.strings(damaged), damaged);
            assertTrue(e.getMessage().contains("read a stored list"), e.getMessage());
        }
        for (String damaged : List.of("[\"112\"]", "[{\"dial\": {\"x\": 1}}]", "[{\"dial\":")) {
            StoreException e = assertThrows(StoreException.class, () -> StoredLists.phoneRows(damaged), damaged);
            assertTrue(e.getMessage().contains("read the phones of a contact"), e.getMessage());
        }
    }
}
