package dev.veil.resolve;

import dev.veil.EntityType;
import dev.veil.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns overlapping findings into a sorted, non-overlapping list with the documented strategy
 * <b>longest span, then score, then type priority</b>: candidates are ranked by length (longer wins),
 * then score (higher wins), then type priority (national ids, IBAN, card, e-mail, phone, IP, person,
 * special categories, users' types), then start; each is kept unless it overlaps one already kept.
 * Given the text, the part of a losing finding outside the kept ones stays protected as a finding of its
 * own type: nothing any detector found goes out because a rival covered only part of it.
 *
 * <p>So an e-mail address beats the name inside it, an IBAN beats the phone-like digits inside it, and
 * a card number beats a phone number over part of its digits.
 *
 * <p><b>Multi-label spans.</b> A special-category finding with exactly the same span as a kept
 * special-category finding of another type is kept too: {@code syndroom van Down} is HEALTH and GENETIC,
 * {@code joods} ETHNIC_ORIGIN and RELIGION. Other types on one span are rival readings ({@code Jewish}
 * as a name or as an origin), and only the winner stays.
 * Such co-labels follow the kept finding directly, in type-priority order; {@link #primaries} drops them
 * for whoever rewrites the text, which replaces each span once.
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

    private static final Map<EntityType, Integer> PRIORITY_INDEX = priorityIndex();

    /**
     * Longer first, then higher score, then by type priority, then earlier. Written out, not composed
     * from {@link Comparator#thenComparing}: a dense form sorts hundreds of findings per call.
     */
    private static final Comparator<Finding> RANK = (a, b) -> {
        int c = Integer.compare(b.length(), a.length());
        if (c == 0) {
            c = Double.compare(b.score(), a.score());
        }
        if (c == 0 && a.type() != b.type()) {
            // Rows of a dense form tie on length and score; findings of one type need no look-up.
            c = Integer.compare(priority(a.type()), priority(b.type()));
        }
        return c != 0 ? c : Integer.compare(a.start(), b.start());
    };

    private OverlapResolver() {
    }

    private static Map<EntityType, Integer> priorityIndex() {
        Map<EntityType, Integer> index = new HashMap<>();
        for (int i = 0; i < PRIORITY.size(); i++) {
            index.put(PRIORITY.get(i), i);
        }
        return Map.copyOf(index);
    }

    /** The type's rank in the tie-break; users' own types come last. */
    static int priority(EntityType type) {
        Integer i = PRIORITY_INDEX.get(type);
        return i == null ? PRIORITY.size() : i;
    }

    /**
     * Resolves overlaps.
     *
     * @param findings any order, may overlap; not modified
     * @return a new list, sorted by start; two findings share chars only as co-labels of one span
     */
    public static List<Finding> resolve(List<Finding> findings) {
        return resolve(null, findings, f -> false);
    }

    /**
     * Resolves overlaps in {@code text}: as {@link #resolve(List)}, and the part of a losing finding that
     * sticks out of the findings kept over it stays a finding of its own type, trimmed of spaces and
     * punctuation at its ends, so no char of any finding goes out unprotected ({@code MS-patiënt-Jan de
     * Vries}: HEALTH over {@code MS-patiënt-Jan}, PERSON over {@code de Vries}).
     *
     * @param text the text the findings are offsets into
     * @param findings any order, may overlap; not modified
     * @param winsOverlaps findings ranked before all others (then by the documented strategy): a finding
     *                     the policy blocks on must not be hidden by a longer one
     */
    public static List<Finding> resolve(CharSequence text, List<Finding> findings,
            java.util.function.Predicate<Finding> winsOverlaps) {
        if (findings.size() <= 1 || sortedWithoutOverlap(findings)) {
            return List.copyOf(findings);
        }
        // The findings winsOverlaps accepts first, each group by rank: the predicate is asked once per
        // finding, not once per comparison.
        List<Finding> ranked = new ArrayList<>(findings.size());
        List<Finding> others = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            (winsOverlaps.test(f) ? ranked : others).add(f);
        }
        ranked.sort(RANK);
        others.sort(RANK);
        ranked.addAll(others);
        return keepByRank(text, ranked);
    }

    /**
     * Resolves overlaps, with the findings {@code winsOverlaps} accepts ranked before all others (then
     * by the documented strategy): a finding the policy blocks on must not be hidden by a longer one.
     *
     * @param findings any order, may overlap; not modified
     * @return a new list, sorted by start; two findings share chars only as co-labels of one span
     */
    public static List<Finding> resolve(List<Finding> findings, java.util.function.Predicate<Finding> winsOverlaps) {
        return resolve(null, findings, winsOverlaps);
    }

    /** Keeps each finding of {@code ranked} that overlaps none kept before it, and what sticks out of the rest. */
    private static List<Finding> keepByRank(CharSequence text, List<Finding> ranked) {
        Kept kept = new Kept(ranked.size());
        List<Finding> coLabels = null;
        for (Finding f : ranked) {
            int before = kept.floor(f.start());
            if (before >= 0 && kept.get(before).end() > f.start()) {
                Finding k = kept.get(before);
                if (k.start() == f.start() && k.end() == f.end() && !k.type().equals(f.type())
                        && k.type().isSpecialCategory() && f.type().isSpecialCategory()) {
                    if (coLabels == null) {
                        coLabels = new ArrayList<>();
                    }
                    if (coLabels.stream().noneMatch(c -> c.start() == f.start() && c.type().equals(f.type()))) {
                        coLabels.add(f);
                    }
                }
                keepUncovered(text, kept, f);
                continue;
            }
            // The first kept finding starting after f's start is the next one: none starts at it (above).
            if (before + 1 < kept.size() && kept.get(before + 1).start() < f.end()) {
                keepUncovered(text, kept, f);
                continue;
            }
            kept.insert(before + 1, f);
        }
        if (coLabels == null) {
            return kept.toList();
        }
        List<Finding> all = new ArrayList<>(kept.toList());
        all.addAll(coLabels);
        all.sort(Comparator.comparingInt(Finding::start).thenComparingInt(f -> f == kept.startingAt(f.start()) ? 0 : 1)
                .thenComparingInt(f -> priority(f.type())));
        return List.copyOf(all);
    }

    /** Keeps the parts of {@code lost} that no kept finding covers, each as a finding of its type. */
    private static void keepUncovered(CharSequence text, Kept kept, Finding lost) {
        if (text == null) {
            return;
        }
        int from = lost.start();
        int before = kept.floor(lost.start());
        if (before >= 0) {
            from = Math.max(from, kept.get(before).end());
        }
        List<int[]> gaps = new ArrayList<>(2);
        int first = before >= 0 && kept.get(before).start() == lost.start() ? before : before + 1;
        for (int i = first; i < kept.size() && kept.get(i).start() < lost.end(); i++) {
            Finding k = kept.get(i);
            if (k.start() > from) {
                gaps.add(new int[] {from, k.start()});
            }
            from = Math.max(from, k.end());
        }
        if (from < lost.end()) {
            gaps.add(new int[] {from, lost.end()});
        }
        for (int[] gap : gaps) {
            int a = gap[0];
            int b = gap[1];
            while (a < b && !Character.isLetterOrDigit(text.charAt(a))) {
                a++;
            }
            while (b > a && !Character.isLetterOrDigit(text.charAt(b - 1))) {
                b--;
            }
            if (a < b) {
                kept.insert(kept.floor(a) + 1, new Finding(a, b, lost.type(), lost.score(), lost.detector()));
            }
        }
    }

    /**
     * The findings kept so far, sorted by start and not overlapping: an array searched by halves. A dense
     * form keeps hundreds; a boxed TreeMap was most of the resolver's time there.
     */
    private static final class Kept {
        private Finding[] spans;
        private int size;

        Kept(int capacity) {
            spans = new Finding[Math.max(4, capacity)];
        }

        int size() {
            return size;
        }

        Finding get(int i) {
            return spans[i];
        }

        /** Index of the last finding starting at or before {@code at}, or -1. */
        int floor(int at) {
            int lo = 0;
            int hi = size - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (spans[mid].start() <= at) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return found;
        }

        /** The finding starting at {@code start}, or null. */
        Finding startingAt(int start) {
            int i = floor(start);
            return i >= 0 && spans[i].start() == start ? spans[i] : null;
        }

        void insert(int at, Finding f) {
            if (size == spans.length) {
                spans = Arrays.copyOf(spans, 2 * size);
            }
            System.arraycopy(spans, at, spans, at + 1, size - at);
            spans[at] = f;
            size++;
        }

        /** An unmodifiable copy. */
        List<Finding> toList() {
            return List.copyOf(Arrays.asList(spans).subList(0, size));
        }
    }

    /**
     * The resolved findings without co-labels: one finding per span, for rewriting the text.
     *
     * @param resolved the output of {@link #resolve}
     */
    public static List<Finding> primaries(List<Finding> resolved) {
        for (int i = 1; i < resolved.size(); i++) {
            if (resolved.get(i).start() == resolved.get(i - 1).start()) {
                List<Finding> one = new ArrayList<>(resolved.size());
                int lastStart = -1;
                for (Finding f : resolved) {
                    if (f.start() != lastStart) {
                        one.add(f);
                        lastStart = f.start();
                    }
                }
                return List.copyOf(one);
            }
        }
        return resolved;
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
