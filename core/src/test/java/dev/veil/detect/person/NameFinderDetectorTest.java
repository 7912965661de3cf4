package dev.veil.detect.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Veil;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NameFinderDetectorTest {

    private static TokenNameFinderModel model;

    /** A tiny model trained on made-up sentences, so the test needs no shipped model. */
    @BeforeAll
    static void train() throws Exception {
        String[] names = {"Zorbak", "Quintel", "Vramsky", "Oltmar", "Pelzig", "Truvant", "Kesmo", "Drubbel"};
        List<NameSample> samples = new ArrayList<>();
        for (int r = 0; r < 6; r++) {
            for (String n : names) {
                String[] words = {"mijn", "collega", n, "belde", "gisteren", "."};
                samples.add(new NameSample(words, new Span[] {new Span(2, 3, "person")}, false));
            }
        }
        TrainingParameters params = TrainingParameters.defaultParams();
        params.put(TrainingParameters.ITERATIONS_PARAM, 30);
        params.put(TrainingParameters.CUTOFF_PARAM, 1);
        model = NameFinderME.train("nl", "person", ObjectStreamUtils.createObjectStream(samples), params,
                new TokenNameFinderFactory());
    }

    @Test
    void reportsTheModelsNamesWithOffsetsIntoTheOriginalText() {
        Veil veil = Veil.builder().withoutBuiltInDetectors().detector(NameFinderDetector.of("person.opennlp", model)).build();
        String text = "Hallo!\nmijn collega Quintel belde gisteren. Verder niets.";
        List<Finding> found = veil.scan(text);
        assertEquals(1, found.size(), found::toString);
        assertEquals("Quintel", found.get(0).valueIn(text));
        assertEquals(EntityType.PERSON, found.get(0).type());
        assertEquals("person.opennlp", found.get(0).detector());
    }

    @Test
    void givesTheSameFindingsFromManyThreads() throws Exception {
        Veil veil = Veil.builder().withoutBuiltInDetectors().detector(NameFinderDetector.of("person.opennlp", model))
                .policy(dev.veil.Policy.strict()).build();
        String text = "mijn collega Pelzig belde gisteren . mijn collega Kesmo belde gisteren .";
        List<Finding> expected = veil.scan(text);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                futures.add(pool.submit(() -> {
                    for (int r = 0; r < 200; r++) {
                        if (!veil.scan(text).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : futures) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(2, expected.size(), expected::toString);
    }
}
