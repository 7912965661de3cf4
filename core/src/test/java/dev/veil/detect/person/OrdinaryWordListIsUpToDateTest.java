package dev.veil.detect.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class OrdinaryWordListIsUpToDateTest {

    private static final Path DICT = Path.of("/usr/share/dict");

    @Test
    void bundledOrdinaryWordsMatchWhatTheGeneratorBuildsFromTheDebianWordLists() throws IOException {
        assumeTrue(OrdinaryWordListGenerator.sourcesPresent(DICT),
                "Debian word lists not installed (apt-get install wdutch wbritish); skipping the freshness check");
        String bundled;
        try (InputStream in = PersonDetector.class.getResourceAsStream(OrdinaryWordListGenerator.FILE)) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assumeTrue(bundled.contains("# Sources: " + OrdinaryWordListGenerator.sourceDigests(DICT) + "\n"),
                "another version of the Debian word lists is installed than the bundled list was built from; skipping");
        assertEquals(OrdinaryWordListGenerator.generate(DICT), bundled,
                OrdinaryWordListGenerator.FILE + " is stale: rerun OrdinaryWordListGenerator (see its javadoc)");
    }
}
