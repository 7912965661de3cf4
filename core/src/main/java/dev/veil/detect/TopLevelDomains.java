package dev.veil.detect;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.DomainValidator.ArrayType;

/**
 * The top-level domains commons-validator lists, looked up by the chars of a text without making a
 * string: {@link DomainValidator#isValidTld} takes a string, lower-cases it into another one and
 * binary-searches its lists, about a fifth of the e-mail detector's time on a short prompt. A domain
 * found here is one the validator accepts; one not found here is still asked of the validator, so
 * its verdict is the validator's either way.
 *
 * <p>Internal. Immutable and thread-safe.
 */
final class TopLevelDomains {

    /** The validator's generic, country-code and infrastructure lists, unless overrides remove entries. */
    static final TopLevelDomains LISTED = new TopLevelDomains(listed(entriesRemoved()));

    private final String[] names;
    private final int mask;

    TopLevelDomains(List<String> lowerCaseNames) {
        int capacity = Integer.highestOneBit(Math.max(4, lowerCaseNames.size() * 2)) << 1;
        this.names = new String[capacity];
        this.mask = capacity - 1;
        for (String name : lowerCaseNames) {
            int slot = hash(name, 0, name.length()) & mask;
            while (names[slot] != null && !names[slot].equals(name)) {
                slot = (slot + 1) & mask;
            }
            names[slot] = name;
        }
    }

    /**
     * Whether a process-wide override removes entries from the lists ({@link
     * DomainValidator#updateTLDOverride} with a {@code _MINUS} type).
     */
    private static boolean entriesRemoved() {
        // Overrides are refused once an instance exists, so the lists cannot change after they are read.
        DomainValidator.getInstance(false);
        return DomainValidator.getTLDEntries(ArrayType.GENERIC_MINUS).length > 0
                || DomainValidator.getTLDEntries(ArrayType.COUNTRY_CODE_MINUS).length > 0;
    }

    /**
     * The validator's own lists, every entry lower-case ASCII; none when an override removes entries:
     * then only the validator knows what it accepts.
     */
    static List<String> listed(boolean entriesRemoved) {
        if (entriesRemoved) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        for (ArrayType type : new ArrayType[] {ArrayType.GENERIC_RO, ArrayType.COUNTRY_CODE_RO, ArrayType.INFRASTRUCTURE_RO}) {
            all.addAll(List.of(DomainValidator.getTLDEntries(type)));
        }
        return all;
    }

    /** Whether {@code text[from, to)}, compared case-insensitively, is listed. */
    boolean contains(CharSequence text, int from, int to) {
        for (int slot = hash(text, from, to) & mask; names[slot] != null; slot = (slot + 1) & mask) {
            if (equalsIgnoreCase(names[slot], text, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** A hash of the chars, ASCII letters lower-cased; the same for a listed name and any casing of it. */
    private static int hash(CharSequence s, int from, int to) {
        int h = to - from;
        for (int i = from; i < to; i++) {
            h = 31 * h + lower(s.charAt(i));
        }
        return h ^ h >>> 16;
    }

    private static boolean equalsIgnoreCase(String lower, CharSequence text, int from, int to) {
        if (lower.length() != to - from) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            if (lower.charAt(i) != lower(text.charAt(from + i))) {
                return false;
            }
        }
        return true;
    }

    /** ASCII upper-case letters lower-cased; every other char as it is (the lists are ASCII). */
    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }
}
