package tj.migrantsguide.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark code runs end to end on a tiny corpus and reports the keys the issue asks for. No figure is
 * judged here: speed is measured by bench/run, never asserted in tests.
 */
class BenchmarksSmokeTest {
    @Test
    void applyReportsItsFiguresAndTheInsertBaselineOnATinyFeed() throws Exception {
        Results results = new Results();
        new ApplyBenchmark(600).run(true, results);
        for (String key : List.of("apply_ms", "raw_insert_ms", "apply_vs_insert_ratio", "apply_parse_ms",
                "apply_verify_ms", "apply_store_ms")) {
            assertTrue(results.figures().get(key) > 0, key + " = " + results.figures().get(key));
        }
        // The baseline inserted every row apply wrote (read back from apply's database), not a subset.
        assertTrue(results.figures().get("apply_rows") > results.figures().get("apply_items"));
        assertEquals(1, results.targets().stream().filter(t -> t.figure().equals("apply_vs_insert_ratio")).count());
    }

    @Test
    void searchReportsPercentilesOnATinyCorpus() throws Exception {
        Results results = new Results();
        new SearchBenchmark(600).run(true, results);
        for (String key : List.of("search_p50_ms", "search_p95_ms", "prefix2_p95_ms")) {
            assertTrue(results.figures().containsKey(key), key);
        }
        assertTrue(results.figures().get("search_p95_ms") >= results.figures().get("search_p50_ms"));
    }

    @Test
    void resultsAreWrittenAsAFlatJsonObjectOfNumbers(@TempDir Path dir) throws Exception {
        Results results = new Results();
        Machine.describe(true, results);
        results.put("search_p95_ms", 2.5);
        results.put("apply_rows", 317098);
        Path file = dir.resolve("out").resolve("results.json");
        results.writeJson(file);
        JsonNode json = new JsonMapper().readTree(file.toFile());
        assertTrue(json.isObject());
        json.fields().forEachRemaining(e -> assertTrue(e.getValue().isNumber(), e.getKey()));
        assertEquals(2.5, json.get("search_p95_ms").doubleValue());
        assertEquals(317098, json.get("apply_rows").longValue());
        assertTrue(json.get("cpu_count").intValue() >= 1);
    }
}
