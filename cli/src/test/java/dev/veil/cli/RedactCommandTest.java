package dev.veil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedactCommandTest {

    @TempDir
    Path dir;

    private TestFiles files;

    @BeforeEach
    void files() {
        files = new TestFiles(dir);
    }

    @Test
    void anUnreadableMappingKeyStopsTheRunBeforeAnyRecordIsOutput() throws IOException {
        Path in = files.write("in.jsonl", TestFiles.RECORDS);
        Path map = dir.resolve("run.map");
        CliRun run = files.redactWithMapping(in, map, dir.resolve("veil.kye"));
        assertEquals(2, run.code());
        assertEquals("", run.out(), "no token may be output that no mapping can restore");
        assertTrue(run.err().contains("veil.kye"), run.err());
        assertFalse(Files.exists(map));
    }

    @Test
    void aMappingKeyOfTheWrongLengthStopsTheRunBeforeAnyRecordIsOutput() throws IOException {
        Path in = files.write("in.jsonl", TestFiles.RECORDS);
        byte[] twenty = new byte[20];
        new Random(5).nextBytes(twenty);
        Path key = files.write("k20.key", Base64.getEncoder().encodeToString(twenty));
        CliRun run = files.redactWithMapping(in, dir.resolve("run.map"), key);
        assertEquals(2, run.code());
        assertEquals("", run.out());
        assertTrue(run.err().contains("--mapping-key"), run.err());
    }

    @Test
    void aMappingThatCannotBeWrittenStopsTheRunBeforeAnyRecordIsOutput() throws IOException {
        Path in = files.write("in.jsonl", TestFiles.RECORDS);
        Path key = files.key("k.key", 1);
        for (Path map : new Path[] {dir.resolve("no-such-folder").resolve("run.map"), dir}) {
            CliRun run = files.redactWithMapping(in, map, key);
            assertEquals(2, run.code(), map.toString());
            assertEquals("", run.out());
            assertTrue(run.err().contains("--mapping"), run.err());
        }
    }

    @Test
    void aFullRunStopsWithAnInputErrorAndEverythingOutputCanStillBeRestored() throws IOException {
        // One session holds 10,000 values: the first record fills it but for one, the second overflows it.
        StringBuilder first = new StringBuilder("Adressen:");
        for (int i = 0; i < 9_999; i++) {
            first.append(" klant").append(i).append("@voorbeeld.nl");
        }
        Path in = files.write("in.jsonl", "{\"id\": \"a\", \"text\": \"" + first + "\"}\n"
                + "{\"id\": \"b\", \"text\": \"Mail nieuw1@voorbeeld.nl en nieuw2@voorbeeld.nl\"}\n"
                + "{\"id\": \"c\", \"text\": \"Mail klant1@voorbeeld.nl\"}\n");
        Path key = files.key("k.key", 1);
        Path map = dir.resolve("run.map");
        CliRun run = files.redactWithMapping(in, map, key);

        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("record \"b\"") && run.err().contains("10000") && run.err().contains("split"), run.err());
        assertFalse(run.err().contains("internal failure"), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(1, lines.length, "the run stops at the record that does not fit");
        assertFalse(run.out().contains("@voorbeeld.nl"));
        assertTrue(Files.exists(map), "the mapping of what was output is written");

        Path output = files.write("out.jsonl", run.out());
        CliRun restore = CliRun.of("restore", "--mapping", map.toString(), "--mapping-key", key.toString(), output.toString());
        assertEquals(0, restore.code(), restore.err());
        assertTrue(restore.out().contains("klant0@voorbeeld.nl klant1@voorbeeld.nl") && restore.out().contains("klant9998@voorbeeld.nl"));
    }

    @Test
    void aRunOfOrdinaryNumberedTextNeverFillsTheSession() throws IOException {
        // "Ordernummer 100001" is no token of any type the detectors report: nothing to reserve.
        StringBuilder first = new StringBuilder("Mail jan@voorbeeld.nl over");
        StringBuilder second = new StringBuilder("Mail piet@voorbeeld.nl over");
        for (int i = 0; i < 30_000; i++) {
            first.append(" Ordernummer ").append(100_000 + i).append(',');
            second.append(" Ordernummer ").append(200_000 + i).append(',');
        }
        Path in = files.write("in.jsonl", "{\"text\": \"" + first + "\"}\n{\"text\": \"" + second + "\"}\n");
        CliRun run = files.redactWithMapping(in, dir.resolve("run.map"), files.key("k.key", 1));

        assertEquals(0, run.code(), run.err());
        String[] lines = run.out().split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith("{\"text\":\"Mail [EMAIL_2] over Ordernummer 200000,"), lines[1].substring(0, 60));
    }

    @Test
    void aRunFullOfTokenLookAlikesStopsWithAnInputErrorAndWritesItsMapping() throws IOException {
        // One session remembers 50,000 look-alikes ("Email 100001" could be a typed token EMAIL_100001).
        StringBuilder first = new StringBuilder("Mail jan@voorbeeld.nl over");
        for (int i = 0; i < 49_990; i++) {
            first.append(" Email ").append(100_000 + i).append(',');
        }
        StringBuilder second = new StringBuilder("Mail jan@voorbeeld.nl over");
        for (int i = 49_990; i < 50_020; i++) {
            second.append(" Email ").append(100_000 + i).append(',');
        }
        Path in = files.write("in.jsonl", "{\"text\": \"" + first + "\"}\n{\"text\": \"" + second + "\"}\n");
        Path key = files.key("k.key", 1);
        Path map = dir.resolve("run.map");
        CliRun run = files.redactWithMapping(in, map, key);

        assertEquals(3, run.code(), run.err());
        assertTrue(run.err().contains("record 2") && run.err().contains("50000") && run.err().contains("split"), run.err());
        assertTrue(run.out().startsWith("{\"text\":\"Mail [EMAIL_1] over"), "the first record is output");
        Path reply = files.write("reply.txt", "Gemaild naar [EMAIL_1].");
        CliRun restore = CliRun.of("restore", "--mapping", map.toString(), "--mapping-key", key.toString(), reply.toString());
        assertEquals(0, restore.code(), restore.err());
        assertTrue(restore.out().contains("Gemaild naar jan@voorbeeld.nl."), restore.out());
    }

    @Test
    void outDirRefusesTwoInputsThatWouldBeWrittenToTheSameFile() throws IOException {
        Path a = files.write("a/notes.txt", "Mail jan@voorbeeld.nl");
        Path b = files.write("b/notes.txt", "Mail piet@voorbeeld.nl");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("redact", "--out-dir", out.toString(), a.toAbsolutePath().toString(), b.toAbsolutePath().toString());
        assertEquals(2, run.code(), run.err());
        assertTrue(run.err().contains("--out-dir") && run.err().contains("notes.txt"), run.err());
        assertFalse(Files.exists(out.resolve("notes.txt")), "nothing is written");
    }

    @Test
    void outDirRefusesToOverwriteAnInput() throws IOException {
        Path a = files.write("a/notes.txt", "Mail jan@voorbeeld.nl");
        Path relative = Path.of("").toAbsolutePath().relativize(a.toAbsolutePath());
        for (String input : new String[] {a.toAbsolutePath().toString(), relative.toString()}) {
            CliRun run = CliRun.of("redact", "--out-dir", dir.resolve("a").toString(), input);
            assertEquals(2, run.code(), input + ": " + run.err());
            assertTrue(run.err().contains("--out-dir") && run.err().contains("input"), run.err());
            assertEquals("Mail jan@voorbeeld.nl", Files.readString(a), "the input is left as it was");
        }
    }

    @Test
    void outDirWritesInputsWithDistinctNamesNextToEachOther() throws IOException {
        Path a = files.write("a/notes.txt", "Mail jan@voorbeeld.nl");
        Path b = files.write("b/other.txt", "Mail piet@voorbeeld.nl");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("redact", "--out-dir", out.toString(), a.toAbsolutePath().toString(), b.toAbsolutePath().toString());
        assertEquals(0, run.code(), run.err());
        assertEquals("Mail [EMAIL]", Files.readString(out.resolve("notes.txt")).strip());
        assertEquals("Mail [EMAIL]", Files.readString(out.resolve("other.txt")).strip());
        assertEquals("Mail jan@voorbeeld.nl", Files.readString(a));
    }




    @Test
    void anNdjsonFileIsReadAsJsonLinesSoEscapedCharsAreSeenDecoded() throws IOException {
        Path in = files.write("in.ndjson", "{\"id\": 1, \"text\": \"Mail jan\\u0040voorbeeld.nl graag\"}\n");
        CliRun run = CliRun.of("redact", in.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Mail [EMAIL] graag"), run.out());
        assertFalse(run.out().contains("voorbeeld"), run.out());
    }
}
