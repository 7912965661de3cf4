package dev.veil.cli;

import dev.veil.EntityType;
import dev.veil.Finding;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Precision, recall and F1 per entity type, for exact spans (same start, end and type) and for
 * overlapping spans (a gold span counts as found when a prediction of its type overlaps it; a prediction
 * counts as right when it overlaps a gold span of its type).
 */
final class Scoreboard {

    static final class Counts {
        int gold;
        int predicted;
        int exact;
        int goldOverlapped;
        int predictedOverlapping;
    }

    private final Map<String, Counts> byType = new TreeMap<>();

    void add(List<GoldSets.Span> gold, List<Finding> predicted) {
        for (GoldSets.Span g : gold) {
            Counts c = counts(g.type());
            c.gold++;
            boolean overlapped = false;
            for (Finding p : predicted) {
                if (p.type().equals(g.type())) {
                    if (p.start() == g.start() && p.end() == g.end()) {
                        c.exact++;
                    }
                    overlapped |= p.start() < g.end() && g.start() < p.end();
                }
            }
            if (overlapped) {
                c.goldOverlapped++;
            }
        }
        for (Finding p : predicted) {
            Counts c = counts(p.type());
            c.predicted++;
            for (GoldSets.Span g : gold) {
                if (p.type().equals(g.type()) && p.start() < g.end() && g.start() < p.end()) {
                    c.predictedOverlapping++;
                    break;
                }
            }
        }
    }

    Counts counts(EntityType type) {
        return byType.computeIfAbsent(type.name(), k -> new Counts());
    }

    Map<String, Counts> all() {
        return byType;
    }

    void print(PrintWriter out) {
        out.printf(Locale.ROOT, "%-20s %6s %6s | %-23s | %-23s%n", "type", "gold", "pred",
                "exact   P      R      F1", "overlap P      R      F1");
        Counts total = new Counts();
        for (Map.Entry<String, Counts> e : byType.entrySet()) {
            Counts c = e.getValue();
            row(out, e.getKey(), c);
            total.gold += c.gold;
            total.predicted += c.predicted;
            total.exact += c.exact;
            total.goldOverlapped += c.goldOverlapped;
            total.predictedOverlapping += c.predictedOverlapping;
        }
        if (byType.size() > 1) {
            row(out, "(all)", total);
        }
    }

    private static void row(PrintWriter out, String name, Counts c) {
        double pe = ratio(c.exact, c.predicted);
        double re = ratio(c.exact, c.gold);
        double po = ratio(c.predictedOverlapping, c.predicted);
        double ro = ratio(c.goldOverlapped, c.gold);
        out.printf(Locale.ROOT, "%-20s %6d %6d |       %.3f  %.3f  %.3f |       %.3f  %.3f  %.3f%n",
                name, c.gold, c.predicted, pe, re, f1(pe, re), po, ro, f1(po, ro));
    }

    static double ratio(int a, int b) {
        return b == 0 ? 0 : (double) a / b;
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
