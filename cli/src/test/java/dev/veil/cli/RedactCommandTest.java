package dev.veil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactCommandTest {

    private static final String RECORDS = """
            {"id": 1, "text": "Mail jan@voorbeeld.nl of bel 06-12345678"}
            {"id": 2, "text": "Nogmaals jan@voorbeeld.nl, IBAN NL91ABNA0417164300"}
            """;

    @TempDir
    Path dir;

    @Test
    void anUnreadableMappingKeyStopsTheRunBeforeAnyRecordIsOutput() throws IOException {
        Path in = write("in.jsonl", RECORDS);
        Path map = dir.resolve("run.map");
        CliRun run = redactWithMapping(in, map, dir.resolve("veil.kye"));
        assertEquals(2, run.code());
        assertEquals("", run.out(), "no token may be output that no mapping can restore");
        assertTrue(run.err().contains("veil.kye"), run.err());
        assertFalse(Files.exists(map));
    }

    @Test
    void aMappingKeyOfTheWrongLengthStopsTheRunBeforeAnyRecordIsOutput() throws IOException {
        Path in = write("in.jsonl", RECORDS);
        byte[] twenty = new byte[20];
        new Random(5).nextBytes(twenty);
        Path key = write("k20.key", Base64.getEncoder().encodeToString(twenty));
        CliRun run = redactWithMapping(in, dir.resolve("run.map"), key);
        assertEquals(2, run.code());
        assertEquals("", run.out());
        assertTrue(run.err().contains("--mapping-key"), run.err());
    }

    @Test
    void aMappingThatCannotBeWrittenStopsTheRunBeforeAnyRecordIsOutput() throws IOException {
        Path in = write("in.jsonl", RECORDS);
        Path key = key("k.key", 1);
        for (Path map : new Path[] {dir.resolve("no-such-folder").resolve("run.map"), dir}) {
            CliRun run = redactWithMapping(in, map, key);
            assertEquals(2, run.code(), map.toString());
            assertEquals("", run.out());
            assertTrue(run.err().contains("--mapping"), run.err());
        }
    }

    private CliRun redactWithMapping(Path in, Path map, Path key) throws IOException {
        Path policy = write("p.properties", "default.action = PSEUDONYMIZE\n");
        return CliRun.of("redact", "--policy", policy.toString(), "--mapping", map.toString(),
                "--mapping-key", key.toString(), in.toString());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path key(String name, long seed) throws IOException {
        byte[] k = new byte[32];
        new Random(seed).nextBytes(k);
        return write(name, Base64.getEncoder().encodeToString(k) + "\n");
    }
}
