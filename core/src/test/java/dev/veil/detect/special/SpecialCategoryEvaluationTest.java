package dev.veil.detect.special;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.veil.EntityType;
import dev.veil.Finding;
import dev.veil.Language;
import dev.veil.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        COUNTS.putAll(evaluate(records, ERRORS));
        System.out.println("Special categories on " + records.size() + " gold sentences, threshold " + THRESHOLD
                + table(COUNTS));
        if (Boolean.getBoolean("veil.eval.errors")) {
            ERRORS.forEach(System.out::println);
        }
    }

    /** Per type: tp(predicted), predicted, tp(gold), gold, exact tp. */
    static Map<EntityType, int[]> evaluate(List<GoldSet.Record> set, List<String> errors) {
        Map<EntityType, int[]> counts = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
        for (EntityType t : EntityType.specialCategories()) {
            counts.put(t, new int[5]);
        }
        for (GoldSet.Record r : set) {
            List<Finding> prior = new ArrayList<>();
            for (GoldSet.Span g : r.gold()) {
                if (!g.type().isSpecialCategory()) {
                    prior.add(new Finding(g.start(), g.end(), g.type(), 0.9, "gold"));
                }
            }
            List<Finding> predicted = Scans.scan(SpecialCategoryDetector.defaults(), r.text(), Language.AUTO, prior)
                    .stream().filter(f -> f.score() >= THRESHOLD).toList();
            for (Finding p : predicted) {
                int[] c = counts.get(p.type());
                c[1]++;
                boolean hit = r.gold().stream().anyMatch(g -> g.type().equals(p.type()) && g.overlaps(p.start(), p.end()));
                if (hit) {
                    c[0]++;
                } else {
                    errors.add("FP " + p.type() + " " + r.id() + ": '" + p.valueIn(r.text()) + "'");
                }
                if (r.gold().stream().anyMatch(g -> g.type().equals(p.type()) && g.start() == p.start() && g.end() == p.end())) {
                    c[4]++;
                }
            }
            for (GoldSet.Span g : r.gold()) {
                if (!g.type().isSpecialCategory()) {
                    continue;
                }
                int[] c = counts.get(g.type());
                c[3]++;
                if (predicted.stream().anyMatch(p -> p.type().equals(g.type()) && g.overlaps(p.start(), p.end()))) {
                    c[2]++;
                } else {
                    errors.add("FN " + g.type() + " " + r.id() + ": '" + r.text().substring(g.start(), g.end()) + "'");
                }
            }
        }
        return counts;
    }

    static String table(Map<EntityType, int[]> counts) {
        StringBuilder table = new StringBuilder(String.format(
                "%n| type | gold | predicted | P (overlap) | R (overlap) | F1 (overlap) | P (exact) |%n|---|---|---|---|---|---|---|%n"));
        counts.forEach((type, c) -> table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f | %.3f | %.3f | %.3f |%n",
                type, c[3], c[1], precision(c), recall(c), f1(c), c[1] == 0 ? 1.0 : (double) c[4] / c[1])));
        return table.toString();
    }

    /**
     * 92 sentences written after the first version of the detector, without consulting its vocabulary.
     * That version found 12 of 32 health spans; the vocabulary was then extended (compound heads such as
     * {@code *klachten}, {@code *itis}, and the conditions it missed), so these figures are now
     * optimistic. Printed, not asserted: the set is too small for per-category targets.
     */
    @Test
    void reportsResultsOnTheHeldOutSentences() throws Exception {
        List<GoldSet.Record> holdout = GoldSet.load("special-holdout.jsonl");
        List<String> errors = new ArrayList<>();
        Map<EntityType, int[]> counts = evaluate(holdout, errors);
        System.out.println("Held-out: " + holdout.size() + " sentences" + table(counts));
        if (Boolean.getBoolean("veil.eval.errors")) {
            errors.forEach(System.out::println);
        }
        assertTrue(holdout.size() >= 80);
    }

    /**
     * 49 sentences written last and never used to change the detector: the most honest figures here.
     * Printed, not asserted.
     */
    @Test
    void reportsResultsOnFreshSentencesNeverUsedForTuning() throws Exception {
        List<GoldSet.Record> fresh = GoldSet.load("special-fresh.jsonl");
        List<String> errors = new ArrayList<>();
        Map<EntityType, int[]> counts = evaluate(fresh, errors);
        System.out.println("Fresh: " + fresh.size() + " sentences" + table(counts));
        if (Boolean.getBoolean("veil.eval.errors")) {
            errors.forEach(System.out::println);
        }
        assertTrue(fresh.size() >= 40);
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
