package tj.migrantsguide.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tj.migrantsguide.content.source.ChecklistLine;
import tj.migrantsguide.content.source.SourceItem;
import tj.migrantsguide.content.source.SourceLoader;
import tj.migrantsguide.guide.Language;

/** The shipped recall query set is what the issue asks for, and names only items the guide has. */
class SearchRecallTest {
    @Test
    void theQuerySetHasSixtyQueriesOrMoreInEachLanguage() throws Exception {
        List<SearchRecall.Query> queries = SearchRecall.queries();
        assertTrue(queries.size() >= 60, queries.size() + " queries");
        for (Language language : Language.values()) {
            assertTrue(queries.stream().filter(q -> q.language() == language).count() >= 20, language.code());
        }
        assertEquals(queries.size(), new HashSet<>(queries.stream().map(q -> q.language() + q.text()).toList())
                .size(), "a query twice");
    }

    @Test
    void everyExpectedIdIsAnItemOrChecklistLineOfTheGuide() throws Exception {
        Path guide = Path.of("..", "content", "guide");
        Set<String> ids = new HashSet<>();
        for (SourceItem item : SourceLoader.load(guide, new ArrayList<>()).items()) {
            ids.add(item.id());
            item.checklist().stream().map(ChecklistLine::id).forEach(ids::add);
        }
        assertTrue(Files.isDirectory(guide) && ids.size() > 100);
        for (SearchRecall.Query query : SearchRecall.queries()) {
            for (String id : query.expected()) {
                assertTrue(ids.contains(id), "«" + query.text() + "» expects " + id + ", which the guide has not");
            }
        }
    }
}
