package dev.veil.detect.special;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.EntityType;
import dev.veil.Policy;
import dev.veil.PromptBlockedException;
import dev.veil.Veil;
import dev.veil.detect.Detector;
import dev.veil.detect.FindingSink;
import dev.veil.detect.DetectionInput;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The special-category detector inside the engine, under each preset. */
class SpecialCategoryPolicyTest {

    /** Stands in for the name detector: reports "Fatima el Amrani" as a PERSON. */
    private static final Detector FAKE_NAMES = new Detector() {
        @Override
        public String id() {
            return "person.fake";
        }

        @Override
        public Set<EntityType> entityTypes() {
            return Set.of(EntityType.PERSON);
        }

        @Override
        public void detect(DetectionInput input, FindingSink sink) {
            int i = input.text().toString().indexOf("Fatima el Amrani");
            if (i >= 0) {
                sink.accept(i, i + 16, EntityType.PERSON, 0.95);
            }
        }
    };

    private static Veil engine(Policy policy) {
        // Users' detectors run after the built-ins, so the fake name detector is registered by hand
        // before a second special-category detector to mimic the built-in order.
        return Veil.builder().policy(policy).withoutDetector(SpecialCategoryDetector.ID)
                .detector(FAKE_NAMES).detector(SpecialCategoryDetector.defaults()).build();
    }

    @Test
    void theDefaultEngineRunsTheSpecialCategoryDetector() {
        assertTrue(Veil.create().detectorIds().contains(SpecialCategoryDetector.ID));
    }

    @Test
    void balancedLeavesGenericQuestionsIntactAndProtectsPersonLinkedTerms() {
        Veil veil = Veil.create();
        String question = "Wat zijn de symptomen van diabetes?";
        assertEquals(question, veil.protect(question).text());
        assertEquals("Mijn collega is [HEALTH] en gaat in maart met verlof.",
                veil.protect("Mijn collega is zwanger en gaat in maart met verlof.").text());
    }

    @Test
    void strictActsOnEveryTerm() {
        Veil veil = Veil.builder().policy(Policy.strict()).build();
        assertEquals("Wat zijn de symptomen van [HEALTH]?", veil.protect("Wat zijn de symptomen van diabetes?").text());
    }

    @Test
    void strictestBlocksATermTiedToAnIdentifiedPersonOnly() {
        Veil veil = engine(Policy.strictest());
        assertThrows(PromptBlockedException.class, () -> veil.protect("Fatima el Amrani heeft een burn-out."));
        assertEquals("Mijn collega heeft een [HEALTH].", veil.protect("Mijn collega heeft een burn-out.").text());
        assertEquals("Wat is een [HEALTH]?", veil.protect("Wat is een burn-out?").text());
    }

    @Test
    void strictestIsAPresetByName() {
        assertEquals("strictest", Policy.preset("strictest").name());
        assertEquals(Policy.strictest(), Policy.preset("strictest"));
        assertFalse(Policy.strictest().equals(Policy.strict()));
        for (EntityType type : EntityType.specialCategories()) {
            assertEquals(dev.veil.Action.BLOCK, Policy.strictest().actionFor(type, 0.9));
            assertEquals(dev.veil.Action.REPLACE, Policy.strictest().actionFor(type, 0.7));
        }
        assertEquals(dev.veil.Action.REPLACE, Policy.strictest().actionFor(EntityType.EMAIL, 0.99));
    }
}
