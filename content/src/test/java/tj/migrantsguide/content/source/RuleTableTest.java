package tj.migrantsguide.content.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** content/SPEC.md's rule table and the {@link Rule} enum list the same rules with the same severities. */
class RuleTableTest {
    /** A row of the table: {@code | `missing-source` | error | …}. */
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z0-9-]+)`\\s*\\|\\s*(error|warning)\\s*\\|",
            Pattern.MULTILINE);

    /** code -> severity, from the table rows of SPEC.md's section on lint rules. */
    static Map<String, String> specTable(String spec) {
        int start = spec.indexOf("## Rules the linter enforces");
        assertTrue(start >= 0, "SPEC.md has no section 'Rules the linter enforces'");
        int end = spec.indexOf("\n## ", start + 1);
        String section = spec.substring(start, end < 0 ? spec.length() : end);
        Map<String, String> rules = new TreeMap<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            assertEquals(null, rules.put(m.group(1), m.group(2)), "SPEC.md lists rule " + m.group(1) + " twice");
        }
        return rules;
    }

    static Map<String, String> enumTable() {
        return Arrays.stream(Rule.values()).collect(Collectors.toMap(Rule::code,
                r -> r.severity().name().toLowerCase(Locale.ROOT), (a, b) -> a, TreeMap::new));
    }

    /** Every disagreement between the two tables, in words. */
    static List<String> differences(Map<String, String> spec, Map<String, String> code) {
        List<String> found = new ArrayList<>();
        TreeSet<String> all = new TreeSet<>(spec.keySet());
        all.addAll(code.keySet());
        for (String rule : all) {
            if (!code.containsKey(rule)) {
                found.add(rule + ": in SPEC.md, not in Rule.java");
            } else if (!spec.containsKey(rule)) {
                found.add(rule + ": in Rule.java, not in SPEC.md");
            } else if (!spec.get(rule).equals(code.get(rule))) {
                found.add(rule + ": " + spec.get(rule) + " in SPEC.md, " + code.get(rule) + " in Rule.java");
            }
        }
        return found;
    }

    @Test
    void specTableAndRuleEnumNameTheSameRulesWithTheSameSeverity() throws IOException {
        Map<String, String> spec = specTable(Files.readString(Path.of("SPEC.md"), StandardCharsets.UTF_8));
        assertEquals(List.of(), differences(spec, enumTable()));
        assertEquals(Rule.values().length, spec.size());
    }

    @Test
    void aRuleMissingOnEitherSideOrWithAnotherSeverityIsNamed() {
        Map<String, String> code = new TreeMap<>(enumTable());
        Map<String, String> spec = new TreeMap<>(code);
        spec.remove("phone-in-text");
        spec.put("no-such-rule", "error");
        spec.put("stale", "error");
        String section = spec.entrySet().stream().map(e -> "| `" + e.getKey() + "` | " + e.getValue() + " | … |")
                .collect(Collectors.joining("\n", "## Rules the linter enforces\n\n| rule | severity | what |\n"
                        + "|---|---|---|\n", "\n\n## Next\n| `later-table` | error | not a rule |\n"));

        assertEquals(List.of("no-such-rule: in SPEC.md, not in Rule.java", "phone-in-text: in Rule.java, not in SPEC.md",
                "stale: error in SPEC.md, warning in Rule.java"), differences(specTable(section), code));
    }

    @Test
    void everyRuleIsFoundByItsCode() {
        for (Rule rule : Rule.values()) {
            assertEquals(rule, Rule.byCode(rule.code()).orElseThrow());
        }
        assertEquals(Rule.values().length, enumTable().size(), "two rules share a code");
    }
}
