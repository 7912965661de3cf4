package dev.veil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the records of {@code scan} and {@code redact}: JSON Lines files ({@code .jsonl} or {@code .ndjson}; objects with
 * {@code "text"} and optionally {@code "id"}, default the line number from 1) are read as a stream, one
 * line at a time; any other file is one record whose id is its path; folders are walked in name order.
 * Invalid UTF-8 is replaced, never fatal. Problems are reported per file and line, without content.
 */
final class Records {

    /** One text record; {@code source} is the JSON object it came from, or null for a plain file. */
    record Record(JsonNode id, String text, ObjectNode source) {
    }

    interface Visitor {
        void record(Record record) throws IOException;

        void problem(String where, String what);
    }

    private static final long MAX_PLAIN_FILE_BYTES = 64L * 1024 * 1024;
    private final ObjectMapper json = new ObjectMapper();

    void read(List<Path> paths, Visitor visitor) throws IOException {
        for (Path file : files(paths)) {
            readFile(file, visitor);
        }
    }

    /** The files {@link #read} reads, in its order: folders walked in name order, other paths as given. */
    static List<Path> files(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else {
                files.add(path);
            }
        }
        return files;
    }

    /** Whether {@code file} is read as JSON Lines (one record per line) rather than as one record. */
    static boolean isJsonLines(Path file) {
        if (file.getFileName() == null) {
            return false;
        }
        String name = file.getFileName().toString();
        return name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }

    private void readFile(Path file, Visitor visitor) throws IOException {
        if (!Files.isReadable(file) || !Files.isRegularFile(file)) {
            visitor.problem(file.toString(), "cannot read the file");
            return;
        }
        if (isJsonLines(file)) {
            readJsonLines(file, visitor);
        } else if (Files.size(file) > MAX_PLAIN_FILE_BYTES) {
            visitor.problem(file.toString(), "file larger than 64 MiB; split it or use JSON Lines");
        } else {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            visitor.record(new Record(TextNode.valueOf(file.toString()), text, null));
        }
    }

    private void readJsonLines(Path file, Visitor visitor) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String where = file + ":" + number;
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (JsonProcessingException e) {
                    visitor.problem(where, "malformed JSON at column " + e.getLocation().getColumnNr());
                    continue;
                }
                if (!(node instanceof ObjectNode object)) {
                    visitor.problem(where, "expected a JSON object");
                    continue;
                }
                JsonNode text = object.get("text");
                if (text == null || !text.isTextual()) {
                    visitor.problem(where, "missing string field \"text\"");
                    continue;
                }
                JsonNode id = object.get("id");
                if (id == null || !id.isValueNode() || id.isNull()) {
                    id = IntNode.valueOf(number);
                }
                visitor.record(new Record(id, text.asText(), object));
            }
        }
    }
}
