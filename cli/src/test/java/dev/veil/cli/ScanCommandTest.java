package dev.veil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void writesOneJsonLinePerRecordInInputOrder() throws IOException {
        Path in = write("in.jsonl", """
                {"id": "a", "text": "Mail jan@voorbeeld.nl of bel 06-12345678"}
                {"text": "Niets te zien hier."}
                {"id": 7, "text": "IBAN NL91ABNA0417164300"}
                """);
        CliRun run = CliRun.of("scan", in.toString());
        assertEquals(0, run.code(), run.err());
        List<JsonNode> lines = lines(run.out());
        assertEquals(3, lines.size());
        assertEquals("a", lines.get(0).get("id").asText());
        JsonNode first = lines.get(0).get("findings");
        assertEquals(2, first.size());
        assertEquals(5, first.get(0).get("start").asInt());
        assertEquals(21, first.get(0).get("end").asInt());
        assertEquals("EMAIL", first.get(0).get("type").asText());
        assertEquals("email", first.get(0).get("detector").asText());
        assertTrue(first.get(0).get("score").asDouble() > 0.9);
        assertEquals("PHONE", first.get(1).get("type").asText());
        assertEquals(2, lines.get(1).get("id").asInt(), "default id is the line number");
        assertEquals(0, lines.get(1).get("findings").size());
        assertEquals(7, lines.get(2).get("id").asInt());
        assertFalse(run.out().contains("jan@voorbeeld.nl"), "scan output carries offsets, not values");
    }

    @Test
    void aMalformedLineIsReportedWithItsNumberAndTheRunGoesOn() throws IOException {
        Path in = write("in.jsonl", """
                {"text": "jan@voorbeeld.nl"}
                {"text": "geheim@voorbeeld.nl" oops
                {"id": "no-text"}
                {"text": "06-12345678"}
                """);
        CliRun run = CliRun.of("scan", in.toString());
        assertEquals(3, run.code());
        assertEquals(2, lines(run.out()).size());
        assertTrue(run.err().contains("in.jsonl:2: malformed JSON"), run.err());
        assertTrue(run.err().contains("in.jsonl:3: missing string field \"text\""), run.err());
        assertFalse(run.err().contains("geheim"), "errors never quote input");
    }

    @Test
    void plainFilesAndFoldersAreOneRecordEachWithThePathAsId() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(sub.resolve("a.txt"), "Bel 06-12345678", StandardCharsets.UTF_8);
        Files.write(sub.resolve("b.bin"), new byte[] {(byte) 0xff, 0, (byte) 0xfe, 'x', '@'});
        CliRun run = CliRun.of("scan", sub.toString());
        assertEquals(0, run.code(), run.err());
        List<JsonNode> lines = lines(run.out());
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).get("id").asText().endsWith("a.txt"));
        assertEquals(1, lines.get(0).get("findings").size());
        assertEquals(0, lines.get(1).get("findings").size());
    }

    @Test
    void failOnFindingsExitsOneWhenSomethingWasFound() throws IOException {
        Path clean = write("clean.txt", "Niets persoonlijks.");
        Path dirty = write("dirty.txt", "BSN 123456782");
        assertEquals(0, CliRun.of("scan", "--fail-on-findings", clean.toString()).code());
        assertEquals(1, CliRun.of("scan", "--fail-on-findings", dirty.toString()).code());
    }

    @Test
    void usageErrorsExitTwo() throws IOException {
        Path f = write("x.txt", "x");
        assertEquals(2, CliRun.of("scan", "--lang", "fr", f.toString()).code());
        assertEquals(2, CliRun.of("scan", "--policy", "lenient", f.toString()).code());
        assertEquals(2, CliRun.of("scan").code());
        assertEquals(2, CliRun.of("frobnicate").code());
    }

    @Test
    void aMissingFileIsAnInputError() {
        CliRun run = CliRun.of("scan", dir.resolve("nope.txt").toString());
        assertEquals(3, run.code());
        assertTrue(run.err().contains("cannot read"));
    }

    @Test
    void aPolicyFileChoosesActionsAndThresholds() throws IOException {
        Path policy = write("policy.properties", """
                preset = balanced
                action.EMAIL = KEEP
                threshold.NL_BSN = 0.3
                """);
        Path in = write("in.txt", "Mail jan@voorbeeld.nl, nummer 111222333");
        CliRun run = CliRun.of("scan", "--policy", policy.toString(), in.toString());
        assertEquals(0, run.code(), run.err());
        JsonNode findings = lines(run.out()).get(0).get("findings");
        assertEquals(1, findings.size());
        assertEquals("NL_BSN", findings.get(0).get("type").asText());
        Path bad = write("bad.properties", "action.EMAIL = SHRED\n");
        assertEquals(2, CliRun.of("scan", "--policy", bad.toString(), in.toString()).code());
    }

    @Test
    void redactKeepsOtherFieldsAndDropsTheTextOfABlockedRecord() throws IOException {
        Path policy = write("block.properties", "action.NL_BSN = BLOCK\n");
        Path in = write("in.jsonl", """
                {"id": 1, "text": "Mail jan@voorbeeld.nl", "author": "x"}
                {"id": 2, "text": "BSN 123456782"}
                """);
        CliRun run = CliRun.of("redact", "--policy", policy.toString(), in.toString());
        assertEquals(0, run.code(), run.err());
        List<JsonNode> lines = lines(run.out());
        assertEquals("Mail [EMAIL]", lines.get(0).get("text").asText());
        assertEquals("x", lines.get(0).get("author").asText());
        assertEquals(1, lines.get(0).get("veil").get("counts").get("EMAIL").asInt());
        assertFalse(lines.get(1).has("text"));
        assertEquals("NL_BSN", lines.get(1).get("veil").get("blocked").get(0).asText());
        assertFalse(run.out().contains("123456782"));
    }

    @Test
    void redactWritesPlainFilesUnderTheOutputFolder() throws IOException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Files.writeString(src.resolve("note.txt"), "Bel Piet op 06-12345678.");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("redact", "--out-dir", out.toString(), src.resolve("note.txt").toString());
        assertEquals(0, run.code(), run.err());
        try (var files = Files.walk(out)) {
            Path written = files.filter(Files::isRegularFile).findFirst().orElseThrow();
            assertFalse(Files.readString(written).contains("06-12345678"));
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> lines(String out) {
        return out.lines().filter(l -> !l.isBlank()).map(l -> {
            try {
                return JSON.readTree(l);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + l, e);
            }
        }).toList();
    }
}
