package dev.veil.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.veil.EntityType;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads labelled data for {@code veil eval} in three formats, chosen by file name:
 * <ul>
 *   <li>{@code .jsonl}: our gold format, {@code {"id","text","gold":[{"start","end","type"}]}} with
 *       UTF-16 offsets;</li>
 *   <li>{@code .json}: the presidio-research format, a JSON array of {@code {full_text, spans:[{entity_type,
 *       start_position, end_position}]}} with code point offsets (converted to UTF-16) and their type
 *       names mapped to ours; types we do not detect are dropped;</li>
 *   <li>anything else: CoNLL style, one {@code token ... IOB2-tag} per line, blank lines between
 *       sentences; each {@code -DOCSTART-} document is one record (each sentence when there are none),
 *       tokens and sentences joined with single spaces; {@code PER} counts as {@code PERSON}.</li>
 * </ul>
 */
final class GoldSets {

    record Span(int start, int end, EntityType type) {
    }

    record GoldRecord(String id, String text, List<Span> gold) {
    }

    static final Map<String, EntityType> PRESIDIO_TYPES = Map.of(
            "PERSON", EntityType.PERSON,
            "EMAIL_ADDRESS", EntityType.EMAIL,
            "PHONE_NUMBER", EntityType.PHONE,
            "IBAN_CODE", EntityType.IBAN,
            "CREDIT_CARD", EntityType.CREDIT_CARD,
            "IP_ADDRESS", EntityType.IP_ADDRESS);

    static final Map<String, EntityType> CONLL_TYPES = Map.of("PER", EntityType.PERSON);

    private GoldSets() {
    }

    static List<GoldRecord> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (name.endsWith(".jsonl")) {
            return readJsonLines(file);
        }
        if (name.endsWith(".json")) {
            return readPresidio(file);
        }
        return readConll(file);
    }

    private static List<GoldRecord> readJsonLines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<GoldRecord> records = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = json.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new InputException(file + ":" + number + ": malformed JSON");
                }
                String text = node.path("text").asText(null);
                if (text == null) {
                    throw new InputException(file + ":" + number + ": missing \"text\"");
                }
                List<Span> spans = new ArrayList<>();
                for (JsonNode g : node.path("gold")) {
                    int start = g.path("start").asInt(-1);
                    int end = g.path("end").asInt(-1);
                    if (start < 0 || end <= start || end > text.length()) {
                        throw new InputException(file + ":" + number + ": gold span out of bounds");
                    }
                    spans.add(new Span(start, end, type(g.path("type").asText(), file, number)));
                }
                String id = node.has("id") ? node.get("id").asText() : String.valueOf(number);
                records.add(new GoldRecord(id, text, spans));
            }
        }
        return records;
    }

    private static EntityType type(String name, Path file, int line) {
        try {
            return EntityType.of(name);
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ":" + line + ": bad entity type");
        }
    }

    private static List<GoldRecord> readPresidio(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": malformed JSON at line " + e.getLocation().getLineNr());
        }
        if (!root.isArray()) {
            throw new InputException(file + ": expected a JSON array of presidio records");
        }
        List<GoldRecord> records = new ArrayList<>();
        int index = 0;
        for (JsonNode r : root) {
            index++;
            String text = r.path("full_text").asText();
            List<Span> spans = new ArrayList<>();
            for (JsonNode s : r.path("spans")) {
                EntityType type = PRESIDIO_TYPES.get(s.path("entity_type").asText());
                if (type == null) {
                    continue;
                }
                int cpStart = s.path("start_position").asInt();
                int cpEnd = s.path("end_position").asInt();
                int cpCount = text.codePointCount(0, text.length());
                if (cpStart < 0 || cpEnd <= cpStart || cpEnd > cpCount) {
                    throw new InputException(file + ": record " + index + ": span out of bounds");
                }
                int start = text.offsetByCodePoints(0, cpStart);
                int end = text.offsetByCodePoints(start, cpEnd - cpStart);
                spans.add(new Span(start, end, type));
            }
            records.add(new GoldRecord(String.valueOf(index), text, spans));
        }
        return records;
    }

    private static List<GoldRecord> readConll(Path file) throws IOException {
        List<GoldRecord> records = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        boolean documents = lines.stream().anyMatch(l -> l.startsWith("-DOCSTART-"));
        StringBuilder text = new StringBuilder();
        List<Span> spans = new ArrayList<>();
        int spanStart = -1;
        EntityType spanType = null;
        int lineNo = 0;
        for (String raw : lines) {
            lineNo++;
            String line = raw.strip();
            boolean docBreak = line.startsWith("-DOCSTART-");
            boolean sentenceBreak = line.isEmpty();
            if (docBreak || sentenceBreak) {
                if (spanType != null) {
                    spans.add(new Span(spanStart, text.length(), spanType));
                    spanType = null;
                }
                if ((docBreak || !documents) && text.length() > 0) {
                    records.add(new GoldRecord(file.getFileName() + "#" + (records.size() + 1), text.toString(), spans));
                    text = new StringBuilder();
                    spans = new ArrayList<>();
                }
                continue;
            }
            String[] cols = line.split("\\s+");
            if (cols.length < 2) {
                throw new InputException(file + ":" + lineNo + ": expected 'token ... TAG'");
            }
            String token = cols[0];
            String tag = cols[cols.length - 1];
            if (text.length() > 0) {
                text.append(' ');
            }
            int tokenStart = text.length();
            text.append(token);
            boolean begin = tag.startsWith("B-");
            boolean inside = tag.startsWith("I-");
            EntityType type = begin || inside ? CONLL_TYPES.get(tag.substring(2)) : null;
            if (spanType != null && (type == null || begin || !type.equals(spanType))) {
                spans.add(new Span(spanStart, tokenStart - 1, spanType));
                spanType = null;
            }
            if (type != null && spanType == null) {
                spanStart = tokenStart;
                spanType = type;
            }
        }
        if (spanType != null) {
            spans.add(new Span(spanStart, text.length(), spanType));
        }
        if (text.length() > 0) {
            records.add(new GoldRecord(file.getFileName() + "#" + (records.size() + 1), text.toString(), spans));
        }
        return records;
    }

    /** Labelled data that cannot be read as its format says: exit code 3. */
    static final class InputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InputException(String message) {
            super(message);
        }
    }
}
