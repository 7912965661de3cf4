package dev.veil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreCommandTest {

    @TempDir
    Path dir;

    private TestFiles files;

    @BeforeEach
    void files() {
        files = new TestFiles(dir);
    }

    @Test
    void redactWithAMappingThenRestoreGivesTheOriginalsBack() throws IOException {
        Path in = files.write("in.jsonl", TestFiles.RECORDS);
        Path key = files.key("k.key", 1);
        Path map = dir.resolve("map.bin");
        CliRun redact = files.redactWithMapping(in, map, key);
        assertEquals(0, redact.code(), redact.err());
        assertTrue(redact.out().contains("[EMAIL_1]"));
        assertFalse(redact.out().contains("jan@voorbeeld.nl"));
        assertEquals(2, redact.out().split("\\[EMAIL_1]", -1).length - 1, "one token for the value in both records");
        assertFalse(new String(Files.readAllBytes(map), StandardCharsets.ISO_8859_1).contains("jan@voorbeeld"),
                "the mapping file is encrypted");

        Path reply = files.write("reply.txt", "Ik heb [EMAIL_1] gemaild en [PHONE_1] gebeld; [PERSON_9] ken ik niet.");
        CliRun restore = CliRun.of("restore", "--mapping", map.toString(), "--mapping-key", key.toString(), reply.toString());
        assertEquals(0, restore.code(), restore.err());
        assertTrue(restore.out().contains("Ik heb jan@voorbeeld.nl gemaild en 06-12345678 gebeld; [PERSON_9] ken ik niet."),
                restore.out());
    }

    @Test
    void aWrongKeyOrAnAlteredMappingIsAnInputErrorThatRevealsNothing() throws IOException {
        Path in = files.write("in.jsonl", TestFiles.RECORDS);
        Path key = files.key("k.key", 1);
        Path map = dir.resolve("map.bin");
        assertEquals(0, files.redactWithMapping(in, map, key).code());
        Path reply = files.write("reply.txt", "[EMAIL_1]");
        CliRun wrong = CliRun.of("restore", "--mapping", map.toString(), "--mapping-key", files.key("w.key", 2).toString(),
                reply.toString());
        assertEquals(3, wrong.code());
        assertFalse(wrong.out().contains("jan@"));
        byte[] bytes = Files.readAllBytes(map);
        bytes[bytes.length - 1] ^= 1;
        Files.write(map, bytes);
        assertEquals(3, CliRun.of("restore", "--mapping", map.toString(), "--mapping-key", key.toString(),
                reply.toString()).code());
    }

    @Test
    void mappingOptionsGoTogether() throws IOException {
        Path in = files.write("in.jsonl", TestFiles.RECORDS);
        assertEquals(2, CliRun.of("redact", "--mapping", dir.resolve("m").toString(), in.toString()).code());
        assertEquals(2, CliRun.of("restore", in.toString()).code());
    }

    @Test
    void aTokenKeyGivesTheSameTokenInSeparateRuns() throws IOException {
        Path policy = files.write("p.properties", "default.action = PSEUDONYMIZE\n");
        Path tokenKey = files.key("t.key", 3);
        Path a = files.write("a.txt", "Mail jan@voorbeeld.nl");
        Path b = files.write("b.txt", "Eerst piet@voorbeeld.nl, dan jan@voorbeeld.nl");
        CliRun runA = CliRun.of("redact", "--policy", policy.toString(), "--token-key", tokenKey.toString(), a.toString());
        CliRun runB = CliRun.of("redact", "--policy", policy.toString(), "--token-key", tokenKey.toString(), b.toString());
        assertEquals(0, runA.code(), runA.err());
        String token = runA.out().substring(runA.out().indexOf("[EMAIL_"), runA.out().indexOf(']', runA.out().indexOf("[EMAIL_")) + 1);
        assertTrue(runB.out().contains("dan " + token), runB.out());
    }

    @Test
    void outDirRefusesTwoInputsWithOneOutputAndAnOutputThatIsAnInput() throws IOException {
        Path in = files.write("in.jsonl", TestFiles.RECORDS);
        Path key = files.key("k.key", 1);
        Path map = dir.resolve("map.bin");
        assertEquals(0, files.redactWithMapping(in, map, key).code());
        Files.createDirectories(dir.resolve("a"));
        Files.createDirectories(dir.resolve("b"));
        Path a = files.write("a/reply.txt", "Aan [EMAIL_1]");
        Path b = files.write("b/reply.txt", "Bel [PHONE_1]");
        Path out = dir.resolve("out");
        CliRun both = CliRun.of("restore", "--mapping", map.toString(), "--mapping-key", key.toString(),
                "--out-dir", out.toString(), a.toString(), b.toString());
        assertEquals(2, both.code(), both.err());
        assertFalse(Files.exists(out.resolve("reply.txt")));
        CliRun self = CliRun.of("restore", "--mapping", map.toString(), "--mapping-key", key.toString(),
                "--out-dir", dir.resolve("a").toString(), a.toString());
        assertEquals(2, self.code(), self.err());
        assertEquals("Aan [EMAIL_1]", Files.readString(a), "the input is left as it was");
    }


}
