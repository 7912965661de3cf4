package dev.veil;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The result of protecting a text: the protected text, the findings that were acted on (offsets into
 * the <em>original</em> text), and how many of each type.
 *
 * <p>{@link #toString()} prints the counts only, never text, so results may be logged.
 *
 * <p>Immutable and thread-safe.
 */
public final class ProtectedText {

    private final String text;
    private final List<Finding> findings;
    /** Counted on first use: a gateway protects every message of a request and reads no counts. */
    private volatile Map<EntityType, Integer> counts;

    ProtectedText(String text, List<Finding> findings) {
        this.text = Objects.requireNonNull(text, "text");
        this.findings = List.copyOf(findings);
    }

    /** The text that is safe to send under the policy. */
    public String text() {
        return text;
    }

    /** The findings acted on, sorted by start, with offsets into the original text. */
    public List<Finding> findings() {
        return findings;
    }

    /** How many findings of each type were acted on, ordered by type name. */
    public Map<EntityType, Integer> counts() {
        Map<EntityType, Integer> c = counts;
        if (c == null) {
            // Racing threads compute equal maps; the volatile write publishes whichever lands.
            c = count(findings);
            counts = c;
        }
        return c;
    }

    private static Map<EntityType, Integer> count(List<Finding> findings) {
        TreeMap<String, EntityType> byName = new TreeMap<>();
        for (Finding f : findings) {
            byName.putIfAbsent(f.type().name(), f.type());
        }
        Map<EntityType, Integer> c = new LinkedHashMap<>();
        for (EntityType t : byName.values()) {
            c.put(t, 0);
        }
        for (Finding f : findings) {
            c.merge(f.type(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(c);
    }

    /** Whether anything was found and acted on. */
    public boolean changed() {
        return !findings.isEmpty();
    }

    @Override
    public String toString() {
        return "ProtectedText[length=" + text.length() + ", counts=" + counts() + "]";
    }
}
