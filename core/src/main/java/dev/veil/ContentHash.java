package dev.veil;

import java.security.SecureRandom;
import java.util.Random;

/**
 * A keyed 128-bit hash of a range of chars, used as the detection cache's key so that the cache never
 * holds text. Every char is hashed as its full 16 bits (lone surrogates and chars above U+00FF
 * included), so two different texts collide only by chance, about once in 2^128 pairs; the key is
 * random per engine, so outsiders can neither predict keys nor test whether a given text was seen.
 *
 * <p>Two multiply-fold lanes (the 64x64→128-bit product folded to 64 bits) read eight chars per step
 * from a per-thread buffer filled with {@link String#getChars}, which is several times faster than
 * SHA-256 here and matters because a chat history is hashed again every turn.
 *
 * <p>Internal. Immutable and thread-safe.
 */
final class ContentHash {

    /** Chars copied per step; a multiple of 8 so blocks never straddle two steps. */
    private static final int CHUNK = 4096;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[CHUNK]);

    private final long k0;
    private final long k1;
    private final long k2;
    private final long k3;

    ContentHash() {
        this(new SecureRandom());
    }

    ContentHash(Random keys) {
        this.k0 = keys.nextLong();
        this.k1 = keys.nextLong();
        this.k2 = keys.nextLong() | 1;
        this.k3 = keys.nextLong() | 1;
    }

    /** The 128-bit hash of {@code text[start, end)}, with the language folded in. */
    Key of(CharSequence text, int start, int end, Language language) {
        int length = end - start;
        long h1 = k0 ^ (length * 0x9E3779B97F4A7C15L) ^ language.ordinal();
        long h2 = k1 ^ Long.rotateLeft(h1, 29);
        char[] b = BUFFER.get();
        String s = text instanceof String str ? str : null;
        for (int from = start; from < end; from += CHUNK) {
            int n = Math.min(CHUNK, end - from);
            if (s != null) {
                s.getChars(from, from + n, b, 0);
            } else {
                for (int k = 0; k < n; k++) {
                    b[k] = text.charAt(from + k);
                }
            }
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                long x = b[i] | (long) b[i + 1] << 16 | (long) b[i + 2] << 32 | (long) b[i + 3] << 48;
                long y = b[i + 4] | (long) b[i + 5] << 16 | (long) b[i + 6] << 32 | (long) b[i + 7] << 48;
                h1 = fold(x ^ k2, y ^ h1);
                h2 = fold(y ^ k3, x ^ h2);
            }
            if (i < n) {
                long x = 0;
                long y = 0;
                for (int k = i; k < n; k++) {
                    int shift = ((k - i) & 3) * 16;
                    if (k - i < 4) {
                        x |= (long) b[k] << shift;
                    } else {
                        y |= (long) b[k] << shift;
                    }
                }
                h1 = fold(x ^ k2, y ^ h1 ^ 0x5851F42D4C957F2DL);
                h2 = fold(y ^ k3, x ^ h2 ^ 0x5851F42D4C957F2DL);
            }
        }
        long hi = fold(h1 ^ k1, h2 ^ k3);
        long lo = fold(h2 ^ k0, hi ^ k2);
        return new Key(hi, lo, length, false);
    }

    /**
     * The key of a text prefix: everything up to the end of {@code segment}, given the key of the prefix
     * before it ({@code null} for the first segment) and where the segment ends.
     */
    Key chain(Key before, Key segment, int end) {
        long hi = before == null ? k3 : before.hi();
        long lo = before == null ? k2 : before.lo();
        long h1 = fold(hi ^ segment.hi() ^ k0, lo ^ (end * 0x9E3779B97F4A7C15L) ^ k1);
        long h2 = fold(lo ^ segment.lo() ^ k2, Long.rotateLeft(hi, 31) ^ end ^ k3);
        return new Key(fold(h1 ^ k1, h2 ^ k3), fold(h2 ^ k0, h1 ^ k2), end, true);
    }

    /** The 128-bit product of {@code a} and {@code b}, folded to 64 bits. */
    private static long fold(long a, long b) {
        return a * b ^ Math.multiplyHigh(a, b);
    }

    /**
     * A cache key: a content hash and the length it covers, of one segment or of a whole prefix.
     * Holds no text.
     */
    record Key(long hi, long lo, int length, boolean prefix) {
        @Override
        public String toString() {
            return "Key[length=" + length + "]";
        }
    }
}
