package dev.veil.resolve;

import dev.veil.EntityType;
import dev.veil.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns overlapping findings into a sorted, non-overlapping list with the documented strategy
 * <b>longest span, then score, then type priority</b>: candidates are ranked by length (longer wins),
 * then score (higher wins), then type priority (national ids, IBAN, card, e-mail, phone, IP, person,
 * special categories, users' types), then start; each is kept unless it overlaps one already kept.
 *
 * <p>So an e-mail address beats the name inside it, an IBAN beats the phone-like digits inside it, and
 * a card number beats a phone number over part of its digits.
 *
 * <p>Internal: used by {@code Veil}; do not depend on it. Stateless and thread-safe.
 */
public final class OverlapResolver {

    private static final List<EntityType> PRIORITY = List.of(
            EntityType.NL_BSN, EntityType.BE_NATIONAL_NUMBER, EntityType.IBAN, EntityType.CREDIT_CARD,
            EntityType.EMAIL, EntityType.PHONE, EntityType.IP_ADDRESS, EntityType.PERSON,
            EntityType.HEALTH, EntityType.GENETIC, EntityType.BIOMETRIC, EntityType.ETHNIC_ORIGIN,
            EntityType.POLITICAL_OPINION, EntityType.RELIGION, EntityType.SEXUAL_ORIENTATION,
            EntityType.TRADE_UNION, EntityType.CRIMINAL);

    private static final Comparator<Finding> RANK = Comparator
            .comparingInt(Finding::length).reversed()
            .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
            .thenComparingInt(f -> priority(f.type()))
            .thenComparingInt(Finding::start);

    private OverlapResolver() {
    }

    /** The type's rank in the tie-break; users' own types come last. */
    static int priority(EntityType type) {
        int i = PRIORITY.indexOf(type);
        return i < 0 ? PRIORITY.size() : i;
    }

    /**
     * Resolves overlaps.
     *
     * @param findings any order, may overlap; not modified
     * @return a new list, sorted by start, with no two findings sharing a char
     */
    public static List<Finding> resolve(List<Finding> findings) {
        if (findings.size() <= 1) {
            return List.copyOf(findings);
        }
        if (sortedWithoutOverlap(findings)) {
            return List.copyOf(findings);
        }
        List<Finding> ranked = new ArrayList<>(findings);
        ranked.sort(RANK);
        TreeMap<Integer, Finding> kept = new TreeMap<>();
        for (Finding f : ranked) {
            var before = kept.floorEntry(f.start());
            if (before != null && before.getValue().end() > f.start()) {
                continue;
            }
            var after = kept.ceilingEntry(f.start());
            if (after != null && after.getKey() < f.end()) {
                continue;
            }
            kept.put(f.start(), f);
        }
        return List.copyOf(kept.values());
    }

    private static boolean sortedWithoutOverlap(List<Finding> findings) {
        for (int i = 1; i < findings.size(); i++) {
            if (findings.get(i).start() < findings.get(i - 1).end()) {
                return false;
            }
        }
        return true;
    }
}
