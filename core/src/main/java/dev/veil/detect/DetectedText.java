package dev.veil.detect;

import dev.veil.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * What the detectors see of a text that holds invisible or look-alike chars: a zero-width space or a
 * soft hyphen inside an e-mail address, a narrow no-break space or a non-breaking hyphen inside a phone
 * number, fullwidth digits and {@code ＠}. Without this a pasted or deliberately salted identifier
 * slips past every detector that reads ASCII, and the prompt goes out with it.
 *
 * <p>Invisible format chars are left out, unusual spaces become a space, non-breaking and figure hyphens
 * and en dashes a hyphen, fullwidth ASCII its ASCII char. Findings are mapped back to the original text
 * so that they cover the invisible chars inside them. Whether a text holds such a char is learnt in the
 * pass that finds its {@link Anchors}, which the engine makes anyway; most texts hold none.
 *
 * <p>Internal: used by the engine; do not depend on it. Immutable.
 */
public final class DetectedText {

    private final String text;
    /** For each char of {@link #text} (and one past its end), its index in the original text. */
    private final int[] original;

    private DetectedText(String text, int[] original) {
        this.text = text;
        this.original = original;
    }

    /** The text the detectors should see instead of {@code text}, or null if they should see it as it is. */
    public static DetectedText of(CharSequence text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0xA0 && fold(c) != c) {
                return fold(text, i);
            }
        }
        return null;
    }

    private static DetectedText fold(CharSequence text, int first) {
        int n = text.length();
        StringBuilder out = new StringBuilder(n);
        int[] original = new int[n + 1];
        out.append(text, 0, first);
        for (int i = 0; i < first; i++) {
            original[i] = i;
        }
        for (int i = first; i < n; i++) {
            char c = text.charAt(i);
            int f = c < 0xA0 ? c : fold(c);
            if (f != DROP) {
                original[out.length()] = i;
                out.append((char) f);
            }
        }
        original[out.length()] = n;
        return new DetectedText(out.toString(), original);
    }

    /** Marks a char that is left out. */
    private static final int DROP = -1;

    /** The char detectors see for {@code c} (at least U+00A0), {@link #DROP}, or {@code c} itself. */
    static int fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return c - 0xFEE0; // fullwidth ASCII
        }
        return switch (c) {
            // Invisible: soft hyphen, Mongolian vowel separator, zero-width space, (non-)joiner, direction
            // marks and embeddings, word joiner and invisible operators, isolates, zero-width no-break space.
            case '\u00AD', '\u180E', '\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B',
                 '\u202C', '\u202D', '\u202E', '\u2060', '\u2061', '\u2062', '\u2063', '\u2064', '\u2066',
                 '\u2067', '\u2068', '\u2069', '\uFEFF' -> DROP;
            case '\u00A0', '\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006',
                 '\u2007', '\u2008', '\u2009', '\u200A', '\u202F', '\u205F', '\u3000' -> ' ';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\uFE63' -> '-';
            default -> c;
        };
    }

    /** {@code text} as the detectors see it: itself when it holds nothing to fold. */
    public static String folded(CharSequence text) {
        DetectedText d = of(text);
        return d == null ? text.toString() : d.text;
    }

    /** The text the detectors see. */
    public String text() {
        return text;
    }

    /** {@code findings} in the detected text, as spans of the original text. */
    public List<Finding> toOriginal(List<Finding> findings) {
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(new Finding(original[f.start()], original[f.end() - 1] + 1, f.type(), f.score(), f.detector()));
        }
        return out;
    }
}
