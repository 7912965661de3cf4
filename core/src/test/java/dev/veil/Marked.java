package dev.veil;

import java.util.ArrayList;
import java.util.List;

/**
 * A test sentence with its expected findings marked as {@code ⟦value⟧}: {@link #text()} is the
 * sentence without markers, {@link #spans()} the marked ranges in it.
 */
public record Marked(String text, List<int[]> spans) {

    public static Marked parse(String marked) {
        StringBuilder text = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == '⟦') {
                open = text.length();
            } else if (c == '⟧') {
                spans.add(new int[] {open, text.length()});
            } else {
                text.append(c);
            }
        }
        return new Marked(text.toString(), spans);
    }

    /** The expected spans as {@code [start,end)} strings, for readable assertion messages. */
    public List<String> expected() {
        return spans.stream().map(s -> s[0] + "-" + s[1] + " " + text.substring(s[0], s[1])).toList();
    }

    /** The findings' spans in the same form. */
    public List<String> actual(List<Finding> findings) {
        return findings.stream().map(f -> f.start() + "-" + f.end() + " " + f.valueIn(text)).toList();
    }
}
