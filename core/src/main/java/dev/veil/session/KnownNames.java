package dev.veil.session;

import dev.veil.EntityType;
import dev.veil.Finding;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The full names a session has protected, found again in a later text where the detectors did not find
 * them: "JAN DE VRIES" in capitals, "jan de vries" in a JSON value, a name in a context the name rules
 * read as something else. Once a session knows a full name is a person's, every whole-word occurrence of
 * it, in any case, gets that person's token or fake. Only full names (a given name or initial and a
 * family name): a short form such as "De Vries" or "Jan" alone matches too much ordinary text.
 *
 * <p>Immutable and thread-safe; a vault publishes a new one when its names change.
 */
final class KnownNames {

    /** Detector id of the findings {@link #find} makes. */
    static final String DETECTOR = "session.known-name";

    static final KnownNames NONE = new KnownNames(new String[0]);

    /** Lower case, single-spaced, longest first. */
    private final String[] names;
    /**
     * The names by their first two letters (a-z or other, each), longest first: a word start tries only
     * the few that begin like it, usually none.
     */
    private final String[][] byStart = new String[27 * 27][];

    KnownNames(String[] names) {
        this.names = names.clone();
        Arrays.sort(this.names, Comparator.comparingInt(String::length).reversed());
        List<List<String>> buckets = new ArrayList<>();
        for (int b = 0; b < byStart.length; b++) {
            buckets.add(new ArrayList<>());
        }
        for (String name : this.names) {
            buckets.get(bucket(name.charAt(0), name.charAt(1))).add(name);
        }
        for (int b = 0; b < byStart.length; b++) {
            byStart[b] = buckets.get(b).toArray(new String[0]);
        }
    }

    private static int bucket(char first, char second) {
        return 27 * letter(first) + letter(second);
    }

    private static int letter(char lower) {
        return lower >= 'a' && lower <= 'z' ? lower - 'a' : 26;
    }

    /** The full names among a vault's person keys' cores (lower case, single-spaced). */
    static KnownNames of(Iterable<String> cores) {
        List<String> full = new ArrayList<>();
        for (String core : cores) {
            if (core.indexOf(' ') > 0 && PersonName.parse(core).full()) {
                full.add(core);
            }
        }
        return full.isEmpty() ? NONE : new KnownNames(full.toArray(new String[0]));
    }

    boolean isEmpty() {
        return names.length == 0;
    }

    /**
     * A PERSON finding for every whole-word occurrence of a known name in {@code text}, in any case, that
     * overlaps none of {@code taken} (sorted by start); sorted, not overlapping each other.
     */
    List<Finding> find(CharSequence text, List<Finding> taken) {
        if (names.length == 0) {
            return List.of();
        }
        String str = text.toString();
        int n = str.length();
        char[] t = new char[n];
        str.getChars(0, n, t, 0); // a gateway sends every message of a chat through here each turn
        List<Finding> found = new ArrayList<>();
        int next = 0; // the first of taken that may still overlap
        boolean inWord = false;
        for (int i = 0; i < n - 1; i++) {
            char c = t[i];
            // Most chars are inside a word or between words: one test each, ASCII without the Unicode tables.
            if (!isLetterOrDigit(c)) {
                inWord = false;
                continue;
            }
            if (inWord) {
                continue;
            }
            inWord = true;
            if (c < 0x80 ? c <= '9' : !Character.isLetter(c)) {
                continue; // a word that starts with a digit
            }
            for (String name : byStart[bucket(lower(c), lower(t[i + 1]))]) {
                int end = i + name.length();
                if (end > n || !matches(t, i, name) || end < n && isLetterOrDigit(t[end])) {
                    continue;
                }
                while (next < taken.size() && taken.get(next).end() <= i) {
                    next++;
                }
                if (next == taken.size() || taken.get(next).start() >= end) {
                    found.add(new Finding(i, end, EntityType.PERSON, 1.0, DETECTOR));
                    i = end - 1;
                }
                break;
            }
        }
        return found;
    }

    /** Whether {@code t} holds {@code name} (lower case) at {@code at}, in any case; the first mismatch ends it. */
    private static boolean matches(char[] t, int at, String name) {
        for (int k = 0; k < name.length(); k++) {
            if (lower(t[at + k]) != name.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static char lower(char c) {
        return c < 0x80 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
    }

    private static boolean isLetterOrDigit(char c) {
        return c < 0x80 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' || c >= '0' && c <= '9' : Character.isLetterOrDigit(c);
    }

    @Override
    public String toString() {
        return "KnownNames[" + names.length + "]"; // never the names
    }
}
