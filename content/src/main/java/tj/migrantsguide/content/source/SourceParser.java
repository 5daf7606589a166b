package tj.migrantsguide.content.source;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the line-based source format of content/SPEC.md. The parser only checks shape (blocks, fields, body);
 * meaning is checked by the loader and the linter. Problems are collected, never thrown, so an editor sees all of
 * them at once.
 */
public final class SourceParser {
    private static final Pattern BLOCK_START = Pattern.compile("^===\\s+([a-z-]+)\\s+(\\S+)\\s*$");
    private static final Pattern FIELD = Pattern.compile("^([a-z][a-z0-9.-]*):\\s?(.*)$");

    private SourceParser() {}

    public static SourceFile parse(Path path, List<Problem> problems) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            problems.add(Problem.of(path, 1, Rule.NOT_UTF8, "the file is not valid UTF-8 text"));
            return new SourceFile(path, List.of(), List.of());
        }
        return parse(path, text, problems);
    }

    public static SourceFile parse(Path path, String text, List<Problem> problems) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r?\n", -1);
        List<Field> header = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();

        String kind = null;
        String id = null;
        int blockLine = 0;
        List<Field> fields = new ArrayList<>();
        StringBuilder body = null;
        int bodyLine = 0;

        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            if (line.startsWith("===")) {
                if (kind != null) {
                    blocks.add(block(kind, id, blockLine, fields, body, bodyLine));
                }
                Matcher m = BLOCK_START.matcher(line);
                if (!m.matches()) {
                    problems.add(Problem.of(path, lineNo, Rule.BAD_BLOCK_START,
                            "a block starts with '=== kind id', e.g. '=== article registration'"));
                    kind = null;
                    body = null;
                    continue;
                }
                kind = m.group(1);
                id = m.group(2);
                blockLine = lineNo;
                fields = new ArrayList<>();
                body = null;
                bodyLine = 0;
                continue;
            }
            if (body != null) {
                body.append(line).append('\n');
                continue;
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.equals("---")) {
                if (kind == null) {
                    problems.add(Problem.of(path, lineNo, Rule.BODY_OUTSIDE_BLOCK, "'---' before any '===' block"));
                    continue;
                }
                body = new StringBuilder();
                bodyLine = lineNo + 1;
                continue;
            }
            Matcher m = FIELD.matcher(line);
            if (!m.matches()) {
                problems.add(Problem.of(path, lineNo, Rule.BAD_FIELD,
                        "expected 'key: value', '---' or '=== kind id'; got: " + abbreviate(line)));
                continue;
            }
            Field field = new Field(m.group(1), m.group(2).strip(), lineNo);
            if (kind == null) {
                header.add(field);
            } else {
                fields.add(field);
            }
        }
        if (kind != null) {
            blocks.add(block(kind, id, blockLine, fields, body, bodyLine));
        }
        return new SourceFile(path, header, blocks);
    }

    /** Trims the body, moving its first line past any blank lines so that line numbers stay right. */
    private static Block block(String kind, String id, int line, List<Field> fields, StringBuilder body, int bodyLine) {
        if (body == null) {
            return new Block(kind, id, line, fields, "", 0);
        }
        String text = body.toString();
        int start = 0;
        while (true) {
            int newline = text.indexOf('\n', start);
            if (newline < 0 || !text.substring(start, newline).isBlank()) {
                break;
            }
            start = newline + 1;
            bodyLine++;
        }
        String stripped = text.substring(start).strip();
        return new Block(kind, id, line, fields, stripped, stripped.isEmpty() ? 0 : bodyLine);
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 57) + "…";
    }
}
