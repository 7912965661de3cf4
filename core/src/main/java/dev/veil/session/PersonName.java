package dev.veil.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The parts of a person's name as written, used to decide which surface forms ("Jan de Vries",
 * "J. de Vries", "De Vries", "dhr. De Vries", "Jan's") belong to one person.
 *
 * <p>A leading title ("dhr.", "mevr.", "dr.") and a trailing possessive ("'s", "’s") are not part of
 * the name: they stay in the text around the token. Dutch surname prefixes ({@code tussenvoegsels}:
 * van, de, der, ter, ...) belong to the family name. Immutable; never printed.
 *
 * @param nameStart offset of the name proper in the written value (after a title)
 * @param nameEnd   offset after the name proper (before a possessive)
 * @param given     first given name in lower case, or null when only initials or no given name
 * @param initial   first letter of the first given name or initial in lower case, or 0 when none
 * @param family    family name with its prefixes in lower case, or null when none
 * @param single    the name is one word: it may be a given name or a family name
 */
record PersonName(int nameStart, int nameEnd, String given, char initial, String family, boolean single) {

    private static final Set<String> TITLES = Set.of(
            "dhr", "dhr.", "mevr", "mevr.", "mw", "mw.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr",
            "dr.", "prof", "prof.", "ir", "ir.", "ing", "ing.", "drs", "drs.", "mejuffrouw", "meneer",
            "mevrouw", "juffrouw", "heer", "sir", "miss", "mister", "madam");
    private static final Set<String> PREFIXES = Set.of(
            "van", "de", "der", "den", "het", "'t", "ter", "ten", "te", "in", "op", "von", "vom", "zu",
            "la", "le", "du", "da", "di", "del", "dos", "des", "'s", "v.", "v.d.");

    /** A full name has a given name or initial and a family name: only those anchor short forms. */
    boolean full() {
        return initial != 0 && family != null;
    }

    /** The name proper as written, without title or possessive. */
    String core(String value) {
        return value.substring(nameStart, nameEnd);
    }

    static PersonName parse(String value) {
        int end = value.length();
        while (end > 0 && Character.isWhitespace(value.charAt(end - 1))) {
            end--;
        }
        if (end >= 2 && (value.charAt(end - 1) == 's' || value.charAt(end - 1) == 'S')
                && (value.charAt(end - 2) == '\'' || value.charAt(end - 2) == '’')) {
            end -= 2;
        } else if (end >= 2 && (value.charAt(end - 1) == '\'' || value.charAt(end - 1) == '’')
                && (value.charAt(end - 2) == 's')) {
            end -= 1;
        }
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < end) {
            while (i < end && Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            int s = i;
            while (i < end && !Character.isWhitespace(value.charAt(i))) {
                i++;
            }
            if (s < i) {
                words.add(new int[] {s, i});
            }
        }
        if (words.isEmpty()) {
            return new PersonName(0, value.length(), null, (char) 0, null, false);
        }
        int first = 0;
        // "de heer Jansen" is a two-word title; always keep at least one word of name.
        if (words.size() > 2 && lower(value, words.get(0)).equals("de") && lower(value, words.get(1)).equals("heer")) {
            first = 2;
        }
        while (first < words.size() - 1 && isTitle(value, words.get(first))) {
            first++;
        }
        List<int[]> name = words.subList(first, words.size());
        int nameStart = name.get(0)[0];
        int nameEnd = name.get(name.size() - 1)[1];
        if (name.size() == 1) {
            String w = lower(value, name.get(0));
            return new PersonName(nameStart, nameEnd, stripDots(w), w.charAt(0), stripDots(w), true);
        }
        int familyFrom = -1;
        for (int k = 0; k < name.size(); k++) {
            if (PREFIXES.contains(lower(value, name.get(k)))) {
                familyFrom = k;
                break;
            }
        }
        if (familyFrom < 0) {
            familyFrom = name.size() - 1;
        }
        String family = familyFrom < name.size() ? joinLower(value, name.subList(familyFrom, name.size())) : null;
        if (familyFrom == 0) {
            return new PersonName(nameStart, nameEnd, null, (char) 0, family, false);
        }
        String firstGiven = lower(value, name.get(0));
        boolean initialOnly = firstGiven.length() <= 2 || firstGiven.indexOf('.') >= 0;
        char initial = firstGiven.charAt(0);
        return new PersonName(nameStart, nameEnd, initialOnly ? null : firstGiven, initial, family, false);
    }

    private static boolean isTitle(String v, int[] w) {
        return TITLES.contains(lower(v, w));
    }

    private static String lower(String v, int[] w) {
        return v.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
    }

    private static String joinLower(String v, List<int[]> ws) {
        StringBuilder b = new StringBuilder();
        for (int[] w : ws) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(lower(v, w));
        }
        return b.toString();
    }

    private static String stripDots(String w) {
        return w.replace(".", "");
    }

    @Override
    public String toString() {
        return "PersonName[full=" + full() + ", single=" + single + "]";
    }
}
