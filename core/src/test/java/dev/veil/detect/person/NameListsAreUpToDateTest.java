package dev.veil.detect.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NameListsAreUpToDateTest {

    @Test
    void bundledListsMatchWhatTheGeneratorBuildsFromTheSourceArtifacts() throws IOException {
        for (Map.Entry<String, String> e : NameListGenerator.generate().entrySet()) {
            try (InputStream in = PersonDetector.class.getResourceAsStream(e.getKey())) {
                String bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertEquals(e.getValue(), bundled,
                        e.getKey() + " is stale: rerun NameListGenerator (see its javadoc)");
            }
        }
    }
}
