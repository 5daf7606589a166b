package tj.migrantsguide.content.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the linter finds the source documents, and how it counts their lines. */
class DocumentsTest {
    @TempDir
    Path temp;

    @Test
    void findsSharedSourcesBesideTheRepository() throws Exception {
        Path sources = Files.createDirectories(temp.resolve("shared/sources"));
        Path guide = Files.createDirectories(temp.resolve("main/content/guide"));
        assertEquals(sources, Documents.besideRepository(guide).folder().orElseThrow());
    }

    @Test
    void findsSharedSourcesFromAWorktreeOneFolderDeeper() throws Exception {
        Path sources = Files.createDirectories(temp.resolve("shared/sources"));
        Files.createDirectories(temp.resolve("wt/content/shared/src")); // the repository's own shared module
        Path guide = Files.createDirectories(temp.resolve("wt/content/content/guide"));
        assertEquals(sources, Documents.besideRepository(guide).folder().orElseThrow());
    }

    @Test
    void isUnavailableWhenNoSharedSourcesFolderExists() throws Exception {
        Path guide = Files.createDirectories(temp.resolve("main/content/guide"));
        Files.createDirectories(temp.resolve("main/shared")); // a module, not the documents
        // The walk goes on above temp; the test machine's root has no shared/sources.
        assertFalse(Documents.besideRepository(guide).folder().filter(f -> f.startsWith(temp)).isPresent());
        assertFalse(Documents.at(temp.resolve("nowhere")).available());
    }

    @Test
    void countsLinesLikeAnEditorDoes() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("docs"));
        Files.writeString(folder.resolve("a.txt"), "one\ntwo\nthree\n");
        Files.writeString(folder.resolve("b.txt"), "one\ntwo\nthree");
        Files.writeString(folder.resolve("c.txt"), "");
        Documents documents = Documents.at(folder);

        assertTrue(documents.available());
        assertEquals(OptionalInt.of(3), documents.lineCount("a.txt"));
        assertEquals(OptionalInt.of(3), documents.lineCount("b.txt"));
        assertEquals(OptionalInt.of(0), documents.lineCount("c.txt"));
        assertEquals(OptionalInt.empty(), documents.lineCount("d.txt"));
        assertEquals(OptionalInt.empty(), documents.lineCount("../docs/a.txt"));
    }

    @Test
    void readsLinesNumberedAsTheyAreCounted() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("docs"));
        Files.writeString(folder.resolve("a.txt"), "one\r\ntwo\nthree\n");
        Files.writeString(folder.resolve("b.txt"), "one\ntwo");
        Documents documents = Documents.at(folder);

        assertEquals(java.util.List.of("one", "two", "three"), documents.lines("a.txt").orElseThrow());
        assertEquals(java.util.List.of("one", "two"), documents.lines("b.txt").orElseThrow());
        assertFalse(documents.lines("../docs/a.txt").isPresent());
    }

    @Test
    void prefersTheRepositorysCopyBesideTheGuide() throws Exception {
        Files.createDirectories(temp.resolve("shared/sources"));
        Path copy = Files.createDirectories(temp.resolve("main/content/documents"));
        Path guide = Files.createDirectories(temp.resolve("main/content/guide"));
        assertEquals(copy, Documents.forGuide(guide).folder().orElseThrow());
        Files.delete(copy);
        assertEquals(temp.resolve("shared/sources"), Documents.forGuide(guide).folder().orElseThrow());
    }

    /** content/documents is a copy of ../shared/sources: where both are present (not on CI), they are the same. */
    @Test
    void theRepositorysCopyIsTheSharedSourcesFolder() throws Exception {
        Path copy = Path.of("documents");
        Documents shared = Documents.besideRepository(Path.of("guide"));
        assertTrue(Files.isDirectory(copy), "content/documents is missing");
        org.junit.jupiter.api.Assumptions.assumeTrue(shared.available(), "no shared/sources beside the repository");
        for (Path file : (Iterable<Path>) Files.list(shared.folder().orElseThrow())
                .filter(f -> f.getFileName().toString().endsWith(".txt")).sorted()::iterator) {
            Path mine = copy.resolve(file.getFileName());
            assertTrue(Files.exists(mine), "content/documents lacks " + file.getFileName());
            assertEquals(-1L, Files.mismatch(file, mine), file.getFileName() + " differs from " + file);
        }
    }
}
