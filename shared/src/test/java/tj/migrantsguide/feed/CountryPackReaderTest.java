package tj.migrantsguide.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.guide.Article;
import tj.migrantsguide.guide.Checklist;
import tj.migrantsguide.guide.ChecklistItem;
import tj.migrantsguide.guide.Contact;
import tj.migrantsguide.guide.ContactKind;
import tj.migrantsguide.guide.Language;
import tj.migrantsguide.guide.Phone;
import tj.migrantsguide.guide.Stage;

/**
 * The streaming country-pack reader keeps the strictness of the tree reader it replaced: fields in any order,
 * unknown fields ignored, every problem named, and no text with half a character.
 */
class CountryPackReaderTest {
    private static final JsonMapper JSON = new JsonMapper();

    private static CountryPack pack() {
        return new CountryPack("XX", Language.TAJIK,
                List.of(new Article("a1", "XX", Stage.ABROAD, Language.TAJIK, "Сарлавҳа ғӯ", "Матн қҷ 🙂",
                        List.of("test-source.txt:1"), Optional.of(LocalDate.of(2026, 11, 1)), 3)),
                List.of(new Contact("c1", "XX", ContactKind.HOTLINE, Language.TAJIK, "Test line", List.of(
                        new Phone("", "test-display")), "test address", "test hours", "tg", "", "", "test note",
                        List.of(), Optional.empty(), false, 1)),
                List.of(new Checklist("l1", "XX", Stage.BEFORE_DEPARTURE, Language.TAJIK, "Рӯйхат",
                        List.of(new ChecklistItem("i1", "Қадами якум")), List.of("test-source.txt:2"),
                        Optional.empty(), 2)));
    }

    private static ObjectNode tree() throws Exception {
        return (ObjectNode) JSON.readTree(FeedCodec.writeCountryPack(pack()));
    }

    private static byte[] bytes(JsonNode node) throws Exception {
        return JSON.writeValueAsBytes(node);
    }

    private static String problem(byte[] bytes) {
        return assertThrows(FeedFormatException.class, () -> FeedCodec.readCountryPack("packs/x.json", bytes))
                .problem();
    }

    private static String problemAfter(Consumer<ObjectNode> damage) throws Exception {
        ObjectNode root = tree();
        damage.accept(root);
        return problem(bytes(root));
    }

    private static ObjectNode first(ObjectNode root, String list) {
        return (ObjectNode) root.get(list).get(0);
    }

    /** The same object with its fields in the opposite order, all the way down. */
    private static JsonNode reversed(JsonNode node) {
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            node.fields().forEachRemaining(fields::add);
            Collections.reverse(fields);
            ObjectNode copy = JSON.createObjectNode();
            fields.forEach(e -> copy.set(e.getKey(), reversed(e.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.forEach(e -> copy.add(reversed(e)));
            return copy;
        }
        return node;
    }

    @Test
    void readsBackWhatWasWritten() throws Exception {
        assertEquals(pack(), FeedCodec.readCountryPack("p", FeedCodec.writeCountryPack(pack())));
    }

    @Test
    void readsFieldsInAnyOrderAndIgnoresUnknownOnes() throws Exception {
        ObjectNode root = (ObjectNode) reversed(tree());
        root.putObject("later_field").putArray("x").add(1);
        first(root, "articles").put("summary", "a field of a later format");
        first(root, "contacts").putArray("extra").addObject().put("deep", true);
        assertEquals(pack(), FeedCodec.readCountryPack("p", bytes(root)));
    }

    @Test
    void theLastOfARepeatedFieldCounts() throws Exception {
        String json = new String(FeedCodec.writeCountryPack(pack()), StandardCharsets.UTF_8)
                .replace("\"title\":\"Сарлавҳа ғӯ\"", "\"title\":\"first\",\"title\":\"Сарлавҳа ғӯ\"");
        assertEquals(pack(), FeedCodec.readCountryPack("p", json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void namesAMissingFieldOfAnItem() throws Exception {
        assertEquals("missing field 'body'", problemAfter(root -> first(root, "articles").remove("body")));
        assertEquals("missing field 'display'", problemAfter(root ->
                ((ObjectNode) first(root, "contacts").get("phones").get(0)).remove("display")));
        assertEquals("missing field 'checklists'", problemAfter(root -> root.remove("checklists")));
    }

    @Test
    void namesAFieldOfTheWrongKind() throws Exception {
        assertEquals("field 'order' must be a whole number",
                problemAfter(root -> first(root, "articles").put("order", 1.5)));
        assertEquals("field 'sources' must hold only text",
                problemAfter(root -> first(root, "articles").putArray("sources").add(7)));
        assertEquals("field 'phones' must be a list",
                problemAfter(root -> first(root, "contacts").put("phones", "none")));
        assertEquals("field 'emergency' must be true or false",
                problemAfter(root -> first(root, "contacts").put("emergency", "yes")));
        assertEquals("expected an object holding 'id'",
                problemAfter(root -> first(root, "checklists").putArray("items").add("just text")));
        assertEquals("field 'articles' must be a list", problemAfter(root -> root.putObject("articles")));
        assertEquals("unknown stage 'later'", problemAfter(root -> first(root, "articles").put("stage", "later")));
    }

    @Test
    void refusesHalfACharacterInEveryKindOfTextField() throws Exception {
        String half = "before \ud800 after";
        List<Consumer<ObjectNode>> damages = List.of(
                root -> first(root, "articles").put("title", half),
                root -> first(root, "articles").put("body", half),
                root -> first(root, "articles").putArray("sources").add("fine").add(half),
                root -> first(root, "contacts").put("note", half),
                root -> ((ObjectNode) first(root, "contacts").get("phones").get(0)).put("display", half),
                root -> ((ObjectNode) first(root, "checklists").get("items").get(0)).put("text", half),
                root -> root.put("country", "X\udc00"));
        for (Consumer<ObjectNode> damage : damages) {
            ObjectNode root = tree();
            damage.accept(root);
            // Written by hand: an encoder would turn the half character into '?' before the reader saw it.
            String json = JSON.writeValueAsString(root).replace("\ud800", "\\ud800").replace("\udc00", "\\udc00");
            String problem = problem(json.getBytes(StandardCharsets.UTF_8));
            assertEquals(true, problem.contains("holds half a character"), problem);
        }
    }

    @Test
    void refusesAnythingAfterThePack() throws Exception {
        byte[] pack = FeedCodec.writeCountryPack(pack());
        byte[] twice = new byte[pack.length * 2];
        System.arraycopy(pack, 0, twice, 0, pack.length);
        System.arraycopy(pack, 0, twice, pack.length, pack.length);
        assertEquals(true, problem(twice).startsWith("not valid JSON"));
        assertEquals("not a JSON object", problem("[1]".getBytes(StandardCharsets.UTF_8)));
    }
}
