package dev.veil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {

    @TempDir
    Path dir;

    /** Made-up sentences in CoNLL form: enough for OpenNLP to learn that a word after "collega" is a name. */
    private Path trainingFile() throws IOException {
        String[] names = {"Zorbak", "Quintel", "Vramsky", "Oltmar", "Pelzig", "Truvant", "Kesmo", "Drubbel"};
        List<String> lines = new ArrayList<>();
        lines.add("-DOCSTART- -DOCSTART- O");
        for (int r = 0; r < 6; r++) {
            for (String n : names) {
                lines.add("mijn Pron O");
                lines.add("collega N O");
                lines.add(n + " N B-PER");
                lines.add("belde V O");
                lines.add("gisteren Adv O");
                lines.add(". Punc O");
                lines.add("");
            }
        }
        return Files.write(dir.resolve("train.conll"), lines);
    }

    @Test
    void trainsAModelThatScanCanUseWithNameModel() throws IOException {
        Path model = dir.resolve("names.bin");
        CliRun train = CliRun.of("train", "--iterations", "30", "-o", model.toString(), trainingFile().toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(Files.size(model) > 0);

        Path prompts = Files.writeString(dir.resolve("p.jsonl"), "{\"id\":\"a\",\"text\":\"mijn collega Zorbak belde gisteren .\"}\n");
        CliRun scan = CliRun.of("scan", "--lang", "nl", "--name-model", model.toString(), prompts.toString());
        assertEquals(0, scan.code(), scan.err());
        assertTrue(scan.out().contains("\"type\":\"PERSON\""), scan.out());
    }

    @Test
    void aMissingTrainingFileIsAnInputError() {
        CliRun run = CliRun.of("train", "-o", dir.resolve("m.bin").toString(), dir.resolve("nope.conll").toString());
        assertEquals(3, run.code());
        assertTrue(run.err().contains("nope.conll"));
    }

    @Test
    void iterationsBelowOneOrANegativeCutoffIsAUsageError() throws IOException {
        Path model = dir.resolve("m.bin");
        for (String[] option : new String[][] {{"--iterations", "0"}, {"--cutoff", "-1"}}) {
            CliRun run = CliRun.of("train", option[0], option[1], "-o", model.toString(), trainingFile().toString());
            assertEquals(2, run.code(), run.err());
            assertTrue(run.err().contains("veil train: --iterations must be at least 1"), run.err());
            assertFalse(run.err().contains("internal failure"), run.err());
            assertFalse(Files.exists(model));
        }
    }

    @Test
    void aMissingModelFileIsAUsageError() throws IOException {
        Path prompts = Files.writeString(dir.resolve("p.jsonl"), "{\"text\":\"hallo\"}\n");
        CliRun run = CliRun.of("scan", "--name-model", dir.resolve("absent.bin").toString(), prompts.toString());
        assertEquals(2, run.code(), run.err());
    }
}
