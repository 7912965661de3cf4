package dev.veil.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.Action;
import dev.veil.EntityType;
import dev.veil.Policy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyFilesTest {

    @TempDir
    Path dir;

    /** The README's policy file example, exactly as printed there. */
    private static String readmeExample() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("```properties\n");
        assertTrue(start >= 0, "the README shows a policy file");
        start += "```properties\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theReadmeExampleLoadsAndDoesWhatItSays() throws IOException {
        Path file = Files.writeString(dir.resolve("readme.properties"), readmeExample(), StandardCharsets.UTF_8);
        Policy policy = PolicyFiles.read(file).policy();
        assertEquals(Action.REPLACE, policy.actionFor(EntityType.of("PERSON")));
        assertEquals(Action.MASK, policy.actionFor(EntityType.EMAIL));
        assertEquals(Action.redact("[telefoon]"), policy.actionFor(EntityType.PHONE));
        assertEquals(0.3, policy.thresholdFor(EntityType.NL_BSN));
        assertEquals(Action.BLOCK, policy.actionFor(EntityType.HEALTH, 0.9));
        assertTrue(policy.toleratesFailureOf("ip_address"));

        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"Bel 06-12345678 of mail jan@voorbeeld.nl\"}\n");
        CliRun run = CliRun.of("redact", "--policy", file.toString(), in.toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("\"Bel [telefoon] of mail "), run.out());
        assertFalse(run.out().contains("jan@voorbeeld.nl") || run.out().contains("#"), run.out());
    }

    @Test
    void aCommentAfterAValueIsRefusedWithAClearMessage() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"Bel 06-12345678\"}\n");
        for (String line : new String[] {"redact.PHONE = [telefoon]     # REDACT with this string",
            "default.action = REPLACE      # KEEP, REDACT, MASK, REPLACE, BLOCK",
            "tolerate = ip_address\t# detectors whose failure may be skipped"}) {
            Path file = Files.writeString(dir.resolve("p.properties"), line + "\n", StandardCharsets.UTF_8);
            CliRun run = CliRun.of("redact", "--policy", file.toString(), in.toString());
            assertEquals(2, run.code(), line);
            assertEquals("", run.out());
            assertTrue(run.err().contains("comment") && run.err().contains("own line"), run.err());
        }
    }

    @Test
    void toleratingADetectorTheEngineDoesNotRunIsRefused() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"text\": \"Bel 06-12345678\"}\n");
        Path bad = Files.writeString(dir.resolve("bad.properties"), "tolerate = ip_address, phone\n");
        CliRun run = CliRun.of("scan", "--policy", bad.toString(), in.toString());
        assertEquals(2, run.code());
        assertTrue(run.err().contains("'phone'") && run.err().contains("phone.libphonenumber"), run.err());

        Path good = Files.writeString(dir.resolve("good.properties"), "tolerate = ip_address, phone.libphonenumber\n");
        assertEquals(0, CliRun.of("scan", "--policy", good.toString(), in.toString()).code());
    }
}
