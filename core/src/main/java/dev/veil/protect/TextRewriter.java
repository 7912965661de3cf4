package dev.veil.protect;

import dev.veil.Finding;
import java.util.List;

/**
 * Builds a protected text in one pass: the text between findings is copied once and each finding's
 * value is swapped for its replacement. Never rebuilds the string per replacement.
 *
 * <p>Internal; stateless and thread-safe.
 */
public final class TextRewriter {

    private TextRewriter() {
    }

    /**
     * @param text     the original text
     * @param findings sorted by start, not overlapping, within the text
     * @param replacer what to write instead of each finding
     * @return the rewritten text
     */
    public static String rewrite(CharSequence text, List<Finding> findings, Replacer replacer) {
        if (findings.isEmpty()) {
            return text.toString();
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
        int copied = 0;
        for (Finding f : findings) {
            out.append(text, copied, f.start());
            out.append(replacer.replacementFor(f, text));
            copied = f.end();
        }
        out.append(text, copied, text.length());
        return out.toString();
    }
}
