package tj.migrantsguide.content.source;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A parsed editorial source file: header fields (before the first block) and the blocks. */
public record SourceFile(Path path, List<Field> header, List<Block> blocks) {
    public SourceFile {
        header = List.copyOf(header);
        blocks = List.copyOf(blocks);
    }

    public Optional<Field> headerField(String key) {
        return header.stream().filter(f -> f.key().equals(key)).findFirst();
    }
}
