package dev.veil.detect.special;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per special category on the labelled gold set
 * ({@code special-gold.jsonl}: Dutch and English sentences written for Veil), under the balanced
 * policy's threshold. A prediction counts when it overlaps a gold span of the same type (overlap
 * match); the exact-match figures are printed next to it. Names and identifiers in the gold set are
 * given to the detector as prior findings, as the engine's name and identifier detectors would.
 */
class SpecialCategoryEvaluationTest {

    private static final double THRESHOLD = Policy.balanced().thresholdFor(EntityType.HEALTH);
    private static List<GoldSet.Record> records;
    private static final Map<EntityType, int[]> COUNTS = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
    private static final List<String> ERRORS = new ArrayList<>();

    @BeforeAll
    static void evaluate() throws Exception {
        records = GoldSet.load("special-gold.jsonl");
        for (EntityType t : EntityType.specialCategories()) {
            COUNTS.put(t, new int[6]); // tp(pred), predicted, tp(gold), gold, exactTp, unused
        }
        for (GoldSet.Record r : records) {
            List<Finding> prior = new ArrayList<>();
            for (GoldSet.Span g : r.gold()) {
                if (!g.type().isSpecialCategory()) {
                    prior.add(new Finding(g.start(), g.end(), g.type(), 0.9, "gold"));
                }
            }
            List<Finding> predicted = Scans.scan(SpecialCategoryDetector.defaults(), r.text(), Language.AUTO, prior)
                    .stream().filter(f -> f.score() >= THRESHOLD).toList();
            for (Finding p : predicted) {
                int[] c = COUNTS.get(p.type());
                c[1]++;
                boolean hit = r.gold().stream().anyMatch(g -> g.type().equals(p.type()) && g.overlaps(p.start(), p.end()));
                if (hit) {
                    c[0]++;
                } else {
                    ERRORS.add("FP " + p.type() + " " + r.id() + ": '" + p.valueIn(r.text()) + "'");
                }
                if (r.gold().stream().anyMatch(g -> g.type().equals(p.type()) && g.start() == p.start() && g.end() == p.end())) {
                    c[4]++;
                }
            }
            for (GoldSet.Span g : r.gold()) {
                if (!g.type().isSpecialCategory()) {
                    continue;
                }
                int[] c = COUNTS.get(g.type());
                c[3]++;
                if (predicted.stream().anyMatch(p -> p.type().equals(g.type()) && g.overlaps(p.start(), p.end()))) {
                    c[2]++;
                } else {
                    ERRORS.add("FN " + g.type() + " " + r.id() + ": '" + r.text().substring(g.start(), g.end()) + "'");
                }
            }
        }
        StringBuilder table = new StringBuilder(String.format(
                "%n| type | gold | predicted | P (overlap) | R (overlap) | F1 (overlap) | P (exact) |%n|---|---|---|---|---|---|---|%n"));
        COUNTS.forEach((type, c) -> table.append(String.format("| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n",
                type, c[3], c[1], precision(c), recall(c), f1(c), c[1] == 0 ? 1.0 : (double) c[4] / c[1])));
        System.out.println("Special categories on " + records.size() + " gold sentences, threshold " + THRESHOLD + table);
        if (Boolean.getBoolean("veil.eval.errors")) {
            ERRORS.forEach(System.out::println);
        }
    }

    private static double precision(int[] c) {
        return c[1] == 0 ? 1.0 : (double) c[0] / c[1];
    }

    private static double recall(int[] c) {
        return c[3] == 0 ? 1.0 : (double) c[2] / c[3];
    }

    private static double f1(int[] c) {
        double p = precision(c);
        double r = recall(c);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Test
    void goldSetHasAtLeastThreeHundredSentencesWithPositivesForEveryCategory() {
        assertTrue(records.size() >= 300, "gold sentences: " + records.size());
        COUNTS.forEach((type, c) -> assertTrue(c[3] >= 20, type + " gold spans: " + c[3]));
        long nothing = records.stream().filter(r -> r.gold().stream().noneMatch(g -> g.type().isSpecialCategory())).count();
        assertTrue(nothing >= 100, "sentences labelled as nothing: " + nothing);
    }

    @Test
    void everyCategoryReachesNinetyPercentPrecisionUnderTheBalancedThreshold() {
        COUNTS.forEach((type, c) -> assertTrue(precision(c) >= 0.90,
                type + " precision " + precision(c) + "; run with -Dveil.eval.errors=true to list errors"));
    }

    @Test
    void everyCategoryReachesNinetyPercentRecallUnderTheBalancedThreshold() {
        COUNTS.forEach((type, c) -> assertTrue(recall(c) >= 0.90,
                type + " recall " + recall(c) + "; run with -Dveil.eval.errors=true to list errors"));
    }
}
