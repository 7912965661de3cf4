package dev.veil.detect;

/**
 * A bit set over a text's chars, one bit per char, set where an identifier may be anchored: ASCII
 * digits and {@code : + ( @ [ {}. Detectors that look for digits (or for '@', or ':') jump from set
 * bit to set bit, 64 chars per step, and test the char as before; a text is scanned once per call
 * instead of once per detector.
 *
 * <p>Stateless; the bit sets are owned by one call.
 */
final class Anchors {

    private static final byte[] ANCHOR = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            ANCHOR[c] = 1;
        }
        for (char c : new char[] {':', '+', '(', '@', '[', '{'}) {
            ANCHOR[c] = 1;
        }
    }

    /** One bit per char, set where {@link DetectedText} folds the char: one load per non-ASCII char. */
    private static final long[] FOLDS = new long[1 << 10];

    static {
        for (int c = 0xA0; c <= Character.MAX_VALUE; c++) {
            if (DetectedText.fold((char) c) != c) {
                FOLDS[c >>> 6] |= 1L << c;
            }
        }
    }

    private Anchors() {
    }

    /** The shared anchors of {@code input}, or null when the caller is not the engine (then scan the text). */
    static long[] of(DetectionInput input) {
        return input instanceof EngineInput e ? e.anchors() : null;
    }

    /**
     * The anchors of {@code text}; one more word at the end tells whether the text holds a char that
     * {@link DetectedText} folds (read it with {@link #holdsCharsToFold}).
     */
    static long[] of(CharSequence text) {
        int n = text.length();
        int words = (n + 63) >>> 6;
        long[] bits = new long[words + 1];
        long fold = 0;
        for (int w = 0, base = 0; base < n; w++, base += 64) {
            int end = Math.min(n, base + 64);
            long word = 0;
            for (int i = base; i < end; i++) {
                char c = text.charAt(i);
                if (c < 128) {
                    word |= (long) ANCHOR[c] << i; // a long shift uses the low six bits of i
                } else {
                    fold |= FOLDS[c >>> 6] >>> c; // a table load, not a call: the loop stays tight
                }
            }
            bits[w] = word;
        }
        bits[words] = fold & 1;
        return bits;
    }

    /** Whether the text of these anchors holds a char that {@link DetectedText} folds. */
    static boolean holdsCharsToFold(long[] bits) {
        return bits[bits.length - 1] != 0;
    }

    /** The first anchor at or after {@code from} and before {@code n}, or {@code n}. */
    static int next(long[] bits, int from, int n) {
        if (from >= n) {
            return n;
        }
        int w = from >>> 6;
        int words = bits.length - 1;
        long word = bits[w] & (-1L << from);
        while (word == 0) {
            if (++w == words) {
                return n;
            }
            word = bits[w];
        }
        return Math.min(n, (w << 6) + Long.numberOfTrailingZeros(word));
    }
}
