package dev.veil.detect;

import dev.veil.EntityType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Values the user always wants flagged, each as a given type: a project code name, a client's name.
 * Matches whole words, ignoring case, with score 1. Candidates are grouped by their first char, so a
 * text is read once and each position compares only terms that start with its char.
 */
final class DenyListDetector implements Detector {

    static final String ID = "denylist";

    private final Map<Character, List<Term>> byFirstChar;
    private final Set<EntityType> types;

    private record Term(String lower, EntityType type) {
    }

    DenyListDetector(Map<String, EntityType> values) {
        Map<Character, List<Term>> index = new HashMap<>();
        for (Map.Entry<String, EntityType> e : values.entrySet()) {
            String lower = lowerPerChar(e.getKey());
            index.computeIfAbsent(lower.charAt(0), k -> new ArrayList<>()).add(new Term(lower, e.getValue()));
        }
        // Longest term first, so "Project Blue Sky" wins over "Project Blue".
        index.values().forEach(list -> list.sort((a, b) -> b.lower.length() - a.lower.length()));
        index.replaceAll((k, v) -> List.copyOf(v));
        this.byFirstChar = Map.copyOf(index);
        this.types = Set.copyOf(values.values());
    }

    /**
     * Folds each char as the matcher folds the text, so a value always matches itself: String.toLowerCase
     * would turn a final capital sigma into ς and İ into two chars, which no text char folds to.
     */
    private static String lowerPerChar(String value) {
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return types;
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        CharSequence text = input.text();
        int n = text.length();
        for (int i = 0; i < n; i++) {
            List<Term> terms = byFirstChar.get(Character.toLowerCase(text.charAt(i)));
            if (terms == null || !Chars.boundaryBefore(text, i)) {
                continue;
            }
            for (Term t : terms) {
                int end = i + t.lower.length();
                if (Chars.regionEqualsIgnoreCase(text, i, t.lower) && Chars.boundaryAfter(text, end)) {
                    sink.accept(i, end, t.type, 1.0);
                    i = end - 1;
                    break;
                }
            }
        }
    }
}
