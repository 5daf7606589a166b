package tj.migrantsguide.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

class FeedFixturesTest {
    @TempDir
    Path temp;

    @Test
    void everyFixtureHasAReadmeSayingWhatItIsAndTheIndexListsIt() throws IOException {
        String index = Files.readString(FeedFixtures.committed().resolve("README.md"));
        for (String name : FeedFixtures.FOLDERS) {
            Path readme = FeedFixtures.committed(name).resolve("README.md");
            assertTrue(Files.isRegularFile(readme), "missing " + readme);
            assertTrue(Files.readString(readme).length() > 80, "say what the fixture is in " + readme);
            assertTrue(index.contains("`" + name + "/`"), "feeds/README.md should list " + name);
        }
    }

    @Test
    void committedFixturesAreWhatTheGeneratorWrites() throws IOException {
        FeedFixtures.write(temp);

        // gzip output depends on the zlib build; the bomb is checked by what it does (SyncThreatTest).
        Map<String, String> expected = feedFiles(temp);
        Map<String, String> committed = feedFiles(FeedFixtures.committed());
        Set<String> stale = new TreeSet<>(expected.keySet());
        stale.addAll(committed.keySet());
        stale.removeIf(path -> Objects.equals(expected.get(path), committed.get(path)));
        assertEquals(Set.of(), stale, "these committed fixture files are stale: regenerate them (see FeedFixtures)");
    }

    /** Regenerates the committed fixtures: {@code -DregenerateFixtures=true}. */
    @Test
    @EnabledIfSystemProperty(named = "regenerateFixtures", matches = "true")
    void regenerate() throws IOException {
        Path source = Path.of("src", "test", "resources", "feeds");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (!file.getFileName().toString().equals("README.md")) {
                    Files.delete(file);
                }
            }
        }
        FeedFixtures.write(source);
    }

    private static Map<String, String> feedFiles(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!name.equals("README.md") && !name.endsWith(".gz")) {
                    files.put(root.relativize(file).toString(), Files.readString(file));
                }
            }
        }
        return files;
    }
}
