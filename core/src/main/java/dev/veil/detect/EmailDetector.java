package dev.veil.detect;

import dev.veil.EntityType;
import java.util.Set;
import org.apache.commons.validator.routines.DomainValidator;
import org.apache.commons.validator.routines.EmailValidator;

/**
 * E-mail addresses: anchored on each {@code @}, expanded over local-part and domain chars (bounded by
 * RFC 5321 lengths, so work is linear), then validated by commons-validator, which checks the top-level
 * domain and accepts internationalised domains. Angle brackets and {@code mailto:} fall outside the span.
 *
 * <p>Also the common obfuscations {@code jan [at] voorbeeld [dot] nl} and {@code jan(at)voorbeeld.nl}:
 * the span covers the whole written form, and the normalised address must validate.
 */
final class EmailDetector implements Detector {

    static final String ID = "email";
    private static final int MAX_LOCAL = 64;
    private static final int MAX_DOMAIN = 255;
    private static final String[] AT_MARKERS = {"[at]", "(at)", "{at}", "[@]", "(@)"};
    private static final String[] DOT_MARKERS = {"[dot]", "(dot)", "{dot}", "[.]", "(.)"};
    private static final double SCORE = 0.99;
    private static final double OBFUSCATED_SCORE = 0.9;

    private final EmailValidator validator = EmailValidator.getInstance(false, false);
    private final DomainValidator domains = DomainValidator.getInstance(false);
    /** Loaded with the engine, not on its first address. */
    private final TopLevelDomains listed = TopLevelDomains.LISTED;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Set<EntityType> entityTypes() {
        return Set.of(EntityType.EMAIL);
    }

    @Override
    public void detect(DetectionInput input, FindingSink sink) {
        CharSequence text = input.text();
        int n = text.length();
        long[] anchors = Anchors.of(input);
        for (int i = nextMarker(text, anchors, 0, n); i < n; i = nextMarker(text, anchors, i + 1, n)) {
            char c = text.charAt(i);
            if (c == '@') {
                plainAt(text, i, sink);
            } else if ((c == '[' || c == '(' || c == '{') && i + 2 < n) {
                i = obfuscatedAt(text, i, sink);
            }
        }
    }

    /** The first {@code @} or opening bracket at or after {@code from}, or {@code n}: a tight loop the JIT unrolls. */
    private static int nextMarker(CharSequence text, long[] anchors, int from, int n) {
        if (anchors != null) {
            for (int i = Anchors.next(anchors, from, n); i < n; i = Anchors.next(anchors, i + 1, n)) {
                char c = text.charAt(i);
                if (c == '@' || c == '[' || c == '(' || c == '{') {
                    return i;
                }
            }
            return n;
        }
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '[' || c == '(' || c == '{') {
                return i;
            }
        }
        return n;
    }

    private void plainAt(CharSequence text, int at, FindingSink sink) {
        int start = at;
        while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text.charAt(start - 1))) {
            start--;
        }
        while (start < at && text.charAt(start) == '.') {
            start++;
        }
        int end = at + 1;
        while (end < text.length() && end - at <= MAX_DOMAIN && isDomainChar(text.charAt(end))) {
            end++;
        }
        while (end > at + 1 && (text.charAt(end - 1) == '.' || text.charAt(end - 1) == '-')) {
            end--;
        }
        if (start == at || end == at + 1) {
            return;
        }
        if (plainAsciiValid(text, start, at, end) || validator.isValid(text.subSequence(start, end).toString())) {
            sink.accept(start, end, EntityType.EMAIL, SCORE);
        }
    }

    /**
     * Whether {@code text[start, end)} with its {@code @} at {@code at} is a plain ASCII address that
     * commons-validator accepts, decided without its regular expressions and IDN conversion (about 2 µs
     * an address): dot-separated local words of {@code A-Z a-z 0-9 _ % + -} (at most 64 chars), then at
     * least two domain labels of letters, digits and inner hyphens (at most 63 each, 253 in all) ending
     * in a top-level domain that starts with a letter and that the validator knows. False means "ask the
     * validator", which decides every other shape; {@code EmailDetectorTest} compares both on random
     * addresses.
     */
    boolean plainAsciiValid(CharSequence text, int start, int at, int end) {
        if (at - start > 64 || at == start || end - at - 1 > 253) {
            return false;
        }
        boolean wordStart = true;
        for (int i = start; i < at; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (wordStart) {
                    return false;
                }
                wordStart = true;
            } else if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '%' || c == '+' || c == '-')) {
                wordStart = false;
            } else {
                return false;
            }
        }
        if (wordStart) {
            return false;
        }
        int labels = 0;
        int labelStart = at + 1;
        for (int i = at + 1; i <= end; i++) {
            char c = i < end ? text.charAt(i) : '.';
            if (c == '.') {
                int len = i - labelStart;
                if (len == 0 || len > 63 || text.charAt(labelStart) == '-' || text.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == end) {
                    char first = text.charAt(labelStart);
                    return labels >= 2 && (first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')
                            && (listed.contains(text, labelStart, end)
                                    || domains.isValidTld(text.subSequence(labelStart, end).toString()));
                }
                labelStart = i + 1;
            } else if (!(c < 128 && (Character.isLetterOrDigit(c) || c == '-'))) {
                return false;
            }
        }
        return false;
    }

    /** Handles {@code [at]}-style markers; returns the index to continue from. */
    private int obfuscatedAt(CharSequence text, int i, FindingSink sink) {
        String marker = markerAt(text, i, AT_MARKERS);
        if (marker == null) {
            return i;
        }
        int markerEnd = i + marker.length();
        int localEnd = Chars.previousNonSpace(text, i) + 1;
        int start = localEnd;
        while (start > 0 && localEnd - start < MAX_LOCAL && isLocalChar(text.charAt(start - 1))) {
            start--;
        }
        if (start == localEnd || i - localEnd > 1) {
            return markerEnd - 1;
        }
        StringBuilder address = new StringBuilder(48).append(text, start, localEnd).append('@');
        int pos = Chars.nextNonSpace(text, markerEnd);
        if (pos - markerEnd > 1) {
            return markerEnd - 1;
        }
        int end = -1;
        while (pos < text.length() && address.length() < MAX_LOCAL + MAX_DOMAIN) {
            int labelStart = pos;
            while (pos < text.length() && isLabelChar(text.charAt(pos))) {
                pos++;
            }
            if (pos == labelStart) {
                break;
            }
            address.append(text, labelStart, pos);
            end = pos;
            int next = afterDot(text, pos);
            if (next < 0) {
                break;
            }
            address.append('.');
            pos = next;
        }
        if (end > 0 && validator.isValid(address.toString())) {
            sink.accept(start, end, EntityType.EMAIL, OBFUSCATED_SCORE);
            return end - 1;
        }
        return markerEnd - 1;
    }

    /** If a dot (plain or obfuscated, optionally spaced) follows {@code pos}, the index after it; else -1. */
    private static int afterDot(CharSequence text, int pos) {
        if (pos < text.length() && text.charAt(pos) == '.') {
            return pos + 1 < text.length() && isLabelChar(text.charAt(pos + 1)) ? pos + 1 : -1;
        }
        int k = Chars.nextNonSpace(text, pos);
        if (k - pos > 1 || k >= text.length()) {
            return -1;
        }
        String marker = markerAt(text, k, DOT_MARKERS);
        if (marker == null) {
            return -1;
        }
        int after = Chars.nextNonSpace(text, k + marker.length());
        return after - (k + marker.length()) <= 1 ? after : -1;
    }

    private static String markerAt(CharSequence text, int i, String[] markers) {
        for (String m : markers) {
            if (Chars.regionEqualsIgnoreCase(text, i, m)) {
                return m;
            }
        }
        return null;
    }

    private static boolean isLocalChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }

    private static boolean isLabelChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-';
    }
}
