package tj.migrantsguide.content.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One item of a source file: the lines from {@code === kind id} to the next such line.
 *
 * @param line line number of the {@code ===} line
 * @param body the free text after {@code ---}, trimmed; empty when there is none
 * @param bodyLine line number of the body's first line (0 when there is no body)
 */
public record Block(String kind, String id, int line, List<Field> fields, String body, int bodyLine) {
    public Block {
        fields = List.copyOf(fields);
    }

    public Optional<Field> field(String key) {
        for (Field field : fields) {
            if (field.key().equals(key)) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    public List<Field> all(String key) {
        List<Field> found = new ArrayList<>();
        for (Field field : fields) {
            if (field.key().equals(key)) {
                found.add(field);
            }
        }
        return found;
    }

    public String value(String key, String fallback) {
        return field(key).map(Field::value).orElse(fallback);
    }
}
