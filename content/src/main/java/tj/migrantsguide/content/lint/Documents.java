package tj.migrantsguide.content.lint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The folder of source documents that {@code source: FILE:LINE | "quote"} lines cite: the five reports of
 * {@code ../shared/sources}, copied into the repository as {@code content/documents} ({@link #forGuide}). When no
 * folder is found, {@link #available()} is false and source lines are not checked against it.
 */
public final class Documents {
    /** Where the documents live relative to a folder that holds the repository ({@code /work/shared/sources}). */
    static final Path BESIDE_REPOSITORY = Path.of("shared", "sources");

    private final Optional<Path> folder;
    private final Map<String, OptionalInt> lineCounts = new HashMap<>();
    private final Map<String, Optional<List<String>>> texts = new HashMap<>();

    private Documents(Optional<Path> folder) {
        this.folder = folder;
    }

    /** The documents in {@code folder}; not available when the folder does not exist. */
    public static Documents at(Path folder) {
        return new Documents(Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty());
    }

    public static Documents none() {
        return new Documents(Optional.empty());
    }

    /** The repository's copy beside the guide folder ({@code content/documents}). */
    static final String IN_REPOSITORY = "documents";

    /**
     * The default for the guide in {@code guideRoot} ({@code REPO/content/guide}): the repository's copy
     * {@code REPO/content/documents} when there is one, else {@link #besideRepository}.
     */
    public static Documents forGuide(Path guideRoot) {
        Path parent = guideRoot.toAbsolutePath().normalize().getParent();
        Path copy = parent == null ? null : parent.resolve(IN_REPOSITORY);
        return copy != null && Files.isDirectory(copy) ? new Documents(Optional.of(copy)) : besideRepository(guideRoot);
    }

    /**
     * {@code ../shared/sources} relative to the repository that holds {@code guideRoot}
     * ({@code REPO/content/guide}). Helpers' git worktrees sit one or two folders deeper than the main checkout
     * ({@code /work/wt/NAME} beside {@code /work/main}), so the nearest {@code shared/sources} above the repository
     * is taken. The repository's own {@code shared} module has no {@code sources} folder, so it is never mistaken
     * for it.
     */
    public static Documents besideRepository(Path guideRoot) {
        Path repository = guideRoot.toAbsolutePath().normalize().getParent();
        repository = repository == null ? null : repository.getParent();
        for (Path dir = repository == null ? null : repository.getParent(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(BESIDE_REPOSITORY);
            if (Files.isDirectory(candidate)) {
                return new Documents(Optional.of(candidate));
            }
        }
        return none();
    }

    public boolean available() {
        return folder.isPresent();
    }

    public Optional<Path> folder() {
        return folder;
    }

    /** How many lines the named document has; empty when there is no such document. */
    OptionalInt lineCount(String fileName) {
        return lineCounts.computeIfAbsent(fileName, this::countLines);
    }

    /**
     * The lines of the named document as text (UTF-8; a byte that is not UTF-8 reads as U+FFFD), numbered as
     * {@link #lineCount} numbers them: {@code lines.get(0)} is line 1. Empty when there is no such document.
     */
    Optional<List<String>> lines(String fileName) {
        return texts.computeIfAbsent(fileName, name -> file(name).map(file -> {
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                List<String> lines = Arrays.asList(text.split("\r?\n", -1));
                return text.endsWith("\n") ? lines.subList(0, lines.size() - 1) : lines;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read source document " + file, e);
            }
        }));
    }

    private Optional<Path> file(String fileName) {
        if (folder.isEmpty() || fileName.contains("/") || fileName.contains("\\")) {
            return Optional.empty();
        }
        try {
            Path file = folder.get().resolve(fileName);
            return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            // A name no file can have (a NUL character typed or pasted): no such document, reported as such.
            // Found by fuzzing: content/fuzz/SourceFilesFuzzTestInputs/.../crash-nul-in-document-name.
            return Optional.empty();
        }
    }

    private OptionalInt countLines(String fileName) {
        Optional<Path> found = file(fileName);
        if (found.isEmpty()) {
            return OptionalInt.empty();
        }
        Path file = found.get();
        try {
            // Same count as an editor's "line N": a final line without a newline still counts. Bytes, not
            // characters, so that a document in any ASCII-compatible encoding can be counted.
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length == 0) {
                return OptionalInt.of(0);
            }
            int lines = 0;
            for (byte b : bytes) {
                if (b == '\n') {
                    lines++;
                }
            }
            return OptionalInt.of(bytes[bytes.length - 1] == '\n' ? lines : lines + 1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read source document " + file, e);
        }
    }
}
